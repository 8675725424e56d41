namespace Pipeline.Runner.Scripting;

/// <summary>
/// Where the build script is, and the repository root it builds: the folder above <c>build/</c> when the
/// script lives in one (the usual layout), otherwise the script's own folder.
/// </summary>
internal sealed record ScriptLocation(string Path, string Root)
{
    public const string ConventionalPath = "build/build.csx";

    /// <param name="scriptPath">An absolute path: the caller resolves a relative one against the folder it means.</param>
    public static ScriptLocation For(string scriptPath)
    {
        var full = System.IO.Path.GetFullPath(scriptPath);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        var root = string.Equals(System.IO.Path.GetFileName(folder), "build", StringComparison.OrdinalIgnoreCase)
            ? System.IO.Path.GetDirectoryName(folder) ?? folder
            : folder;
        return new ScriptLocation(full, root);
    }

    /// <summary>Looks for <c>build/build.csx</c> in <paramref name="startDirectory"/> and each parent.</summary>
    public static ScriptLocation? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "build", "build.csx");
            if (File.Exists(candidate))
            {
                return For(candidate);
            }
        }

        return null;
    }

    /// <summary>The script path as users see it in messages: relative to the root.</summary>
    public string DisplayPath(string path) => System.IO.Path.GetRelativePath(Root, path).Replace('\\', '/');
}
