using Microsoft.Extensions.FileSystemGlobbing;

namespace Pipeline.Incremental;

/// <summary>The files a target's input or output globs name, found in one walk of the repository.</summary>
internal static class FileSet
{
    /// <summary>
    /// The files (never folders) under <paramref name="root"/> that the globs match, as paths relative to the root with
    /// <c>/</c> separators, sorted ordinally. A glob starting with <c>!</c> excludes what it matches. A glob that names a
    /// folder (<c>bin/</c>, or <c>artifacts/packages</c> when that folder exists) means every file under it. Matching is
    /// case-sensitive on Linux and ignores case elsewhere, as the file system does.
    /// </summary>
    /// <remarks>
    /// One walk for all the globs; folders no glob can reach are not entered, nor are <c>.git</c> and <c>.pipeline</c>
    /// folders. A symbolic link to a file is a file (its target's content counts); a symbolic link to a folder is not
    /// entered, so the walk never leaves the root nor loops.
    /// </remarks>
    public static IReadOnlyList<string> Match(string root, IReadOnlyList<string> globs)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(globs);
        var matcher = new Matcher(OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        var includes = 0;
        foreach (var glob in globs)
        {
            if (glob.StartsWith('!'))
            {
                matcher.AddExclude(Expanded(root, glob[1..]));
            }
            else
            {
                matcher.AddInclude(Expanded(root, glob));
                includes++;
            }
        }

        var directory = new DirectoryInfo(root);
        if (includes == 0 || !directory.Exists)
        {
            return [];
        }

        return [.. matcher.Execute(new WalkedDirectory(directory.FullName)).Files.Select(file => file.Path).Order(StringComparer.Ordinal)];
    }

    /// <summary>A glob naming a folder becomes "everything under it": what <c>Outputs("bin/")</c> means to whoever writes it.</summary>
    private static string Expanded(string root, string glob)
    {
        if (glob.EndsWith('/'))
        {
            return glob + "**";
        }

        return !glob.Contains('*') && Directory.Exists(Path.Combine(root, glob)) ? glob + "/**" : glob;
    }
}
