using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Reads the directives of a script and of every file it <c>#load</c>s, before compiling, so that all
/// <c>#r "nuget: ..."</c> packages can be restored in one go.
/// </summary>
internal static class ScriptDirectives
{
    public const string NuGetPrefix = "nuget:";

    /// <summary>Every <c>#r "nuget: Name, Version"</c> reference, as written after the prefix, in order.</summary>
    public static IReadOnlyList<string> NuGetReferences(string scriptPath)
    {
        var options = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);
        var references = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(scriptPath)]);
        while (pending.TryPop(out var file))
        {
            if (!seen.Add(file) || !File.Exists(file))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, file).GetCompilationUnitRoot();
            foreach (var reference in root.GetReferenceDirectives())
            {
                var text = reference.File.ValueText;
                if (text.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    references.Add(text[NuGetPrefix.Length..].Trim());
                }
            }

            foreach (var load in root.GetLoadDirectives())
            {
                pending.Push(Path.GetFullPath(load.File.ValueText, Path.GetDirectoryName(file)!));
            }
        }

        return references;
    }
}
