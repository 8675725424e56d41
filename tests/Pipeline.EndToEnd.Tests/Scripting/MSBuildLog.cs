namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary>
/// Records every MSBuild restore and build a child process runs, whatever <c>dotnet</c> it starts: MSBuild
/// reads environment variables as properties, and every SDK project imports the targets file that
/// <c>CustomBeforeMicrosoftCommonTargets</c> names. (A logging <c>dotnet</c> on PATH would not see the
/// runner's calls: .NET looks for a program next to its own host before it looks on PATH.)
/// </summary>
public sealed class MSBuildLog
{
    public MSBuildLog(string folder)
    {
        var directory = Directory.CreateDirectory(folder).FullName;
        LogPath = Path.Combine(directory, "msbuild.log");
        TargetsPath = Path.Combine(directory, "log.targets");
        File.WriteAllText(TargetsPath, $"""
            <Project>
              <Target Name="PipelineTestsLogRestore" AfterTargets="Restore">
                <WriteLinesToFile File="{LogPath}" Lines="restore $(MSBuildProjectFullPath)" />
              </Target>
              <Target Name="PipelineTestsLogBuild" AfterTargets="Build">
                <WriteLinesToFile File="{LogPath}" Lines="build $(MSBuildProjectFullPath)" />
              </Target>
            </Project>
            """);
    }

    public string LogPath { get; }

    /// <summary>The variable that makes every SDK project import the logging targets.</summary>
    public KeyValuePair<string, string?> EnvironmentVariable => new("CustomBeforeMicrosoftCommonTargets", TargetsPath);

    /// <summary>"restore /path/x.csproj" or "build /path/x.csproj", one line each, since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<string> Entries => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    private string TargetsPath { get; }

    public void Clear() => File.Delete(LogPath);
}
