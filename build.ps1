#!/usr/bin/env pwsh
# Runs this repository's build, build/build.csx, with the Pipeline runner: ./build.ps1 [targets] [options].
# The runner is rebuilt from src/ only when a source file is newer than the last build.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$runnerDir = Join-Path $root '.pipeline/runner'
$runner = Join-Path $runnerDir 'Pipeline.Runner.dll'
$stamp = Join-Path $runnerDir '.built'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
# How the user started the build, for the usage line of --help.
$env:PIPELINE_LAUNCHER = './build.ps1'

# The arguments as they were typed. Started as `pwsh -File build.ps1 ...` (which is what the shebang line does),
# PowerShell splits an argument that starts with '-' at its first colon: --summary-json=C:\run.json arrives as
# '--summary-json=C' and '\run.json'. The process's command line still has them whole; they are taken from there
# only when it is this very call: this script's path, then arguments that PowerShell's split turns into $args.
# (Call it inside @(...): it writes the arguments one by one.)
function Get-TypedArguments([object[]] $given) {
    $commandLine = [Environment]::GetCommandLineArgs()
    for ($i = 1; $i -lt $commandLine.Count; $i++) {
        if ($commandLine[$i].StartsWith('-')) { continue }
        try { $path = [System.IO.Path]::GetFullPath($commandLine[$i]) } catch { continue }
        if ($path -ne $PSCommandPath) { continue }
        $typed = @($commandLine | Select-Object -Skip ($i + 1))
        $split = [System.Collections.Generic.List[string]]::new()
        foreach ($argument in $typed) {
            $colon = $argument.IndexOf(':')
            if ($argument.StartsWith('-') -and $colon -gt 1) {
                $split.Add($argument.Substring(0, $colon))
                if ($colon + 1 -lt $argument.Length) { $split.Add($argument.Substring($colon + 1)) }
            }
            else { $split.Add($argument) }
        }
        if ($split.Count -ne $given.Count) { break }
        for ($j = 0; $j -lt $split.Count; $j++) {
            if ($split[$j] -cne [string]$given[$j]) { return $given }
        }
        return $typed
    }
    return $given
}

function Get-RequiredSdk {
    (Get-Content (Join-Path $root 'global.json') -Raw | ConvertFrom-Json).sdk.version
}

function Assert-DotNet {
    if (-not (Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
        [Console]::Error.WriteLine("error: the .NET SDK is not installed (no 'dotnet' on PATH).")
        [Console]::Error.WriteLine("Install .NET SDK $(Get-RequiredSdk) or a later patch of it: https://dotnet.microsoft.com/download")
        exit 2
    }
}

function Assert-Sdk {
    Assert-DotNet
    Push-Location $root
    try {
        & dotnet --version *> $null
        $ok = $LASTEXITCODE -eq 0
    }
    finally {
        Pop-Location
    }
    if (-not $ok) {
        [Console]::Error.WriteLine("error: no installed .NET SDK satisfies global.json, which asks for $(Get-RequiredSdk) (or a later feature band).")
        [Console]::Error.WriteLine('Installed SDKs:')
        & dotnet --list-sdks | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('Install it from https://dotnet.microsoft.com/download')
        exit 2
    }
}

function Test-RunnerStale {
    if (-not (Test-Path $stamp) -or -not (Test-Path $runner)) { return $true }
    # -Force: .built and any dot folder under src/ are hidden files to PowerShell, not to build.sh's find.
    $built = (Get-Item -Force -LiteralPath $stamp).LastWriteTimeUtc
    $inputs = @(Get-ChildItem (Join-Path $root 'src') -Recurse -Force -File -Include '*.cs', '*.csproj', '*.props', '*.json' |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $inputs += @('global.json', 'Directory.Build.props', 'Directory.Packages.props' |
        ForEach-Object { Get-Item (Join-Path $root $_) -ErrorAction SilentlyContinue })
    return [bool]($inputs | Where-Object { $_ -and $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

function Build-Runner {
    Assert-Sdk
    [Console]::Error.WriteLine('Building the Pipeline runner from src/ ...')
    $building = Join-Path $runnerDir ".building.$PID"
    Set-Content -LiteralPath $building ''
    $log = Join-Path $runnerDir 'build.log'
    $client = Join-Path $runnerDir 'pipeline-client'
    # A client of an earlier build must not outlive a publish that could not make one.
    Remove-Item -Force -LiteralPath $client -ErrorAction SilentlyContinue
    # ReadyToRun for this machine: precompiled code starts faster and halves a cold script compile.
    & dotnet publish (Join-Path $root 'src/Pipeline.Runner/Pipeline.Runner.csproj') --configuration Release `
        --use-current-runtime --self-contained false -p:PublishReadyToRun=true `
        --output $runnerDir --nologo --verbosity quiet *> $log
    if ($LASTEXITCODE -ne 0) {
        Remove-Item -Force -LiteralPath $building
        Get-Content $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('error: building the Pipeline runner failed (log above, also in .pipeline/runner/build.log).')
        exit 2
    }
    if ([Environment]::OSVersion.Platform -eq 'Unix' -and -not (Test-Path -LiteralPath $client)) {
        Add-Content -LiteralPath $log 'note: the native client could not be published (Native AOT needs clang or gcc); ./build.ps1 starts the runner with dotnet.'
    }
    # The stamp is taken from the moment the build started, so an edit made during the build is seen next time.
    Move-Item -Force -LiteralPath $building $stamp
}

# Waits for .pipeline/runner/.lock, the lock build.sh takes with flock: an exclusive open is an flock on Linux
# and macOS. There is no blocking open, so it tries again every fifth of a second.
function Lock-RunnerFolder {
    $path = Join-Path $runnerDir '.lock'
    while ($true) {
        try {
            return [System.IO.File]::Open($path, 'OpenOrCreate', 'ReadWrite', 'None')
        }
        catch [System.IO.IOException] {
            Start-Sleep -Milliseconds 200
        }
    }
}

$arguments = @(Get-TypedArguments $args)

if (Test-RunnerStale) {
    New-Item -ItemType Directory -Force $runnerDir | Out-Null
    # One build at a time, with build.sh too; whoever waited finds the runner fresh and goes straight on.
    $lock = Lock-RunnerFolder
    try {
        if (Test-RunnerStale) { Build-Runner }
    }
    finally {
        $lock.Dispose()
    }
}

# A runner built earlier still needs dotnet to start it (the client too). On Linux and macOS the runner's publish also
# made pipeline-client (Native AOT, where a C toolchain is installed), which hands the run to a resident runner.
Assert-DotNet
$client = Join-Path $runnerDir 'pipeline-client'
if ([Environment]::OSVersion.Platform -eq 'Unix' -and (Test-Path -LiteralPath $client -PathType Leaf)) {
    & $client $runner --script (Join-Path $root 'build/build.csx') @arguments
    exit $LASTEXITCODE
}
& dotnet $runner --script (Join-Path $root 'build/build.csx') @arguments
exit $LASTEXITCODE
