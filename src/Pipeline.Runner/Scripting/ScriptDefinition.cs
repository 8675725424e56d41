using System.IO.Hashing;
using System.Text;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The digest that stands for a script's definition in target fingerprints (<see cref="Build.DefinitionDigest"/>): the
/// content hashes of the script and every file it loads, which the script cache has already taken, each with its
/// path relative to the repository root, so a checkout moved to another folder keeps it.
/// </summary>
internal static class ScriptDefinition
{
    public static string Digest(ScriptLocation location, IReadOnlyList<SourceFile> sources)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(sources);
        var text = new StringBuilder();
        foreach (var source in sources.OrderBy(source => location.DisplayPath(source.Path), StringComparer.Ordinal))
        {
            text.Append(location.DisplayPath(source.Path)).Append('\0').Append(source.Hash).Append('\n');
        }

        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
