#!/usr/bin/env pwsh
# Runs this repository's build, build/build.csx, with the Pipeline runner: ./build.ps1 [targets] [options].
# ./build.ps1 --help lists the targets and parameters. Works from any working directory.
#
# The runner is the pipeline.tool version pinned in .config/dotnet-tools.json. Once `dotnet tool restore`
# has put it in the NuGet packages folder, this script starts it directly, `dotnet <runner.dll>`: no
# process but that one (no `dotnet tool run`, no build). Otherwise it restores the tool once and looks again.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$manifest = Join-Path $root '.config/dotnet-tools.json'
$buildScript = Join-Path $root 'build/build.csx'
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

# The version of pipeline.tool pinned in the tool manifest.
function Get-PinnedVersion {
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) { return $null }
    $json = [System.IO.File]::ReadAllText($manifest)
    $pattern = '"pipeline\.tool"\s*:\s*\{[^}]*"version"\s*:\s*"([^"]+)"'
    $match = [regex]::Match($json, $pattern, [System.Text.RegularExpressions.RegexOptions]::IgnoreCase)
    if ($match.Success) { return $match.Groups[1].Value }
    return $null
}

# This machine's runtime identifiers, most specific first, for the ReadyToRun runner package.
function Get-RuntimeIds {
    $info = [System.Runtime.InteropServices.RuntimeInformation]
    $platform = [System.Runtime.InteropServices.OSPlatform]
    $os = $null
    if ($info::IsOSPlatform($platform::Windows)) { $os = 'win' }
    elseif ($info::IsOSPlatform($platform::OSX)) { $os = 'osx' }
    elseif ($info::IsOSPlatform($platform::Linux)) { $os = 'linux' }
    $arch = switch ($info::OSArchitecture.ToString()) {
        'X64' { 'x64' }
        'Arm64' { 'arm64' }
        'X86' { 'x86' }
        'Arm' { 'arm' }
        default { $null }
    }
    if (-not $os -or -not $arch) { return @() }
    # A linux-musl-x64 machine may have been given the linux-x64 package.
    if ($os -eq 'linux' -and (Test-Path -LiteralPath '/etc/alpine-release')) { return @("linux-musl-$arch", "linux-$arch") }
    return @("$os-$arch")
}

# The runner's DLL for the pinned version, looked for where `dotnet tool restore` puts it:
# 1. the NuGet packages folder: the package for this platform, then the portable package, then a tool
#    packed without RIDs;
# 2. the .NET SDK's record of restored tools, which `dotnet tool run` reads (it can point elsewhere, for
#    example to a nuget.config globalPackagesFolder; it is an internal file of the SDK, so if its format
#    changes this lookup merely finds nothing).
function Find-Runner([string] $version) {
    if (-not $version) { return $null }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $candidates = @(Get-RuntimeIds | ForEach-Object { "pipeline.tool.$_/$version/tools/net10.0/$_" })
    $candidates += "pipeline.tool.any/$version/tools/net10.0/any", "pipeline.tool/$version/tools/net10.0/any"
    foreach ($candidate in $candidates) {
        $dll = Join-Path $packages "$candidate/Pipeline.Runner.dll"
        if (Test-Path -LiteralPath $dll -PathType Leaf) { return $dll }
    }

    $cliHome = if ($env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME } else { $HOME }
    $restored = Join-Path $cliHome '.dotnet/toolResolverCache/1/pipeline.tool'
    if (Test-Path -LiteralPath $restored -PathType Leaf) {
        try {
            $entries = Get-Content -LiteralPath $restored -Raw | ConvertFrom-Json
            foreach ($entry in $entries) {
                if ($entry.Version -eq $version -and $entry.PathToExecutable) {
                    $dll = ($entry.PathToExecutable -replace '\.(exe|dll)$', '') + '.dll'
                    if (Test-Path -LiteralPath $dll -PathType Leaf) { return $dll }
                }
            }
        }
        catch {
            # Not the format this script knows: no runner found here.
        }
    }
    return $null
}

function Assert-DotNet {
    if (-not (Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue)) {
        [Console]::Error.WriteLine("error: the .NET SDK is not installed (no 'dotnet' on PATH).")
        [Console]::Error.WriteLine('Pipeline needs the .NET 10 SDK or later: https://dotnet.microsoft.com/download')
        exit 2
    }
}

$arguments = @(Get-TypedArguments $args)
$version = Get-PinnedVersion
$runner = Find-Runner $version
if (-not $runner) {
    Assert-DotNet
    if (-not $version) {
        [Console]::Error.WriteLine("error: $manifest does not pin pipeline.tool.")
        [Console]::Error.WriteLine('Add it with: dotnet new tool-manifest (if there is none), then dotnet tool install pipeline.tool')
        exit 2
    }
    [Console]::Error.WriteLine("Restoring the Pipeline runner $version (dotnet tool restore) ...")
    Push-Location $root
    try {
        & dotnet tool restore | ForEach-Object { [Console]::Error.WriteLine($_) }
        $restored = $LASTEXITCODE -eq 0
    }
    finally {
        Pop-Location
    }
    if (-not $restored) {
        [Console]::Error.WriteLine("error: 'dotnet tool restore' failed (output above).")
        exit 2
    }
    $runner = Find-Runner $version
}

Assert-DotNet
if ($runner) {
    # On Linux and macOS the package for this platform carries pipeline-client, a native program that hands the run
    # to a resident runner kept warm between builds (PIPELINE_RUNNER=off: never). Windows has none yet.
    $client = Join-Path (Split-Path -Parent $runner) 'pipeline-client'
    if ([Environment]::OSVersion.Platform -eq 'Unix' -and (Test-Path -LiteralPath $client -PathType Leaf)) {
        # NuGet extracts package files without their executable bit; the packages folder is the user's own.
        & chmod u+x $client 2>$null
        & $client $runner --script $buildScript @arguments
        exit $LASTEXITCODE
    }
    & dotnet $runner --script $buildScript @arguments
    exit $LASTEXITCODE
}

# Last resort: the tool is restored into a packages folder this script does not know (a nuget.config
# globalPackagesFolder, say). `dotnet tool run` finds it, at some start-up cost; it needs the manifest
# in the current folder or a parent.
$separator = [System.IO.Path]::DirectorySeparatorChar
if (-not ((Get-Location).ProviderPath + $separator).StartsWith($root + $separator, [System.StringComparison]::OrdinalIgnoreCase)) {
    Set-Location $root
}
& dotnet tool run pipeline -- --script $buildScript @arguments
exit $LASTEXITCODE
