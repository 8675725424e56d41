using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// A <c>dotnet</c> command that writes its arguments to a log, one line per call, then execs the real
/// dotnet. Put first on PATH, it shows which dotnet processes a script starts.
/// </summary>
public sealed class LoggingDotNet
{
    public LoggingDotNet(string folder)
    {
        Folder = Directory.CreateDirectory(folder).FullName;
        LogPath = Path.Combine(Folder, "calls.log");
        var wrapper = Path.Combine(Folder, "dotnet");
        File.WriteAllText(
            wrapper,
            string.Create(
                CultureInfo.InvariantCulture,
                $"""
                #!/bin/sh
                printf '%s\n' "$*" >> '{LogPath}'
                exec '{DotNetHost.Path}' "$@"

                """));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The folder holding the wrapper: put it first on PATH.</summary>
    public string Folder { get; }

    public string LogPath { get; }

    /// <summary>PATH with the wrapper's folder first.</summary>
    public string SearchPath => Folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    /// <summary>The argument lines of every call since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    public void Clear() => File.Delete(LogPath);

    /// <summary>
    /// The warm path of a generated build script: a single dotnet process, the runner of the fresh packages
    /// started directly from the NuGet packages folder with the repository's script and the given target.
    /// </summary>
    public void ShouldHaveStartedOnlyThePinnedRunner(FreshPackages packages, string script, string target)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var call = Assert.Single(Calls);
        var runner = Regex.Match(call, $@"^(?<dll>\S+/Pipeline\.Runner\.dll) --script (?<script>\S+) {Regex.Escape(target)}$");
        Assert.True(runner.Success, $"The warm run started dotnet as '{call}', not as 'dotnet <runner.dll> --script <script> {target}'.");
        Assert.StartsWith(Path.Combine(packages.NuGetPackages, "pipeline.tool."), runner.Groups["dll"].Value, StringComparison.Ordinal);
        Assert.Contains($"/{packages.Version}/", runner.Groups["dll"].Value, StringComparison.Ordinal);
        Assert.Equal(script, runner.Groups["script"].Value);
    }
}
