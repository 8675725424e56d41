using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>A repository's <c>build.sh</c> that starts the runner these tests were built with, as generated CI jobs call it.</summary>
internal static class RunnerBuildSh
{
    public static void WriteTo(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "build.sh");
        File.WriteAllText(path, $$"""
            #!/usr/bin/env bash
            # Starts the runner these tests were built with, as a repository's build.sh starts its own.
            set -euo pipefail
            root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            exec '{{DotNetHost.Path}}' '{{PipelineRunner.RunnerAssembly}}' --script "$root/build/build.csx" "$@"

            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
