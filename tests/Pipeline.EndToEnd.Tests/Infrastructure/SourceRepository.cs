namespace Pipeline.EndToEnd.Tests.Infrastructure;

/// <summary>This repository's working tree, found above the test assembly: its tool manifests, its build script, its CI files.</summary>
public static class SourceRepository
{
    /// <summary>The folder holding <c>Pipeline.sln</c> and <c>build.sh</c> above <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")) && File.Exists(Path.Combine(directory.FullName, "build.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (with Pipeline.sln and build.sh) above {AppContext.BaseDirectory}.");
    }
}
