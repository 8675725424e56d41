using Microsoft.Extensions.FileSystemGlobbing;

namespace Pipeline.Incremental;

// PLACEHOLDER (helper A replaces this file).
internal static class FileSet
{
    public static IReadOnlyList<string> Match(string root, IReadOnlyList<string> globs)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in globs)
        {
            var pattern = glob.TrimStart('!');
            pattern = pattern.EndsWith('/') ? pattern + "**" : pattern;
            if (glob.StartsWith('!'))
            {
                matcher.AddExclude(pattern);
            }
            else
            {
                matcher.AddInclude(pattern);
            }
        }

        matcher.AddExclude(".git/**");
        matcher.AddExclude(".pipeline/**");
        return [.. matcher.GetResultsInFullPath(root).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }
}
