using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Compiles the build script with Roslyn against the Pipeline library, with the <see cref="Build"/> as its
/// globals, and runs its declarations. Compile errors are printed as <c>build/build.csx(12,5): error CS0103: ...</c>.
/// </summary>
internal static class ScriptLoader
{
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks", "Pipeline",
    ];

    public static async Task<int> LoadAsync(ScriptLocation location, Build build)
    {
        var code = await File.ReadAllTextAsync(location.Path);
        var folder = Path.GetDirectoryName(location.Path)!;
        var options = ScriptOptions.Default
            .WithFilePath(location.Path)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithReferences(typeof(Build).Assembly)
            .WithImports(Imports)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, folder));
        var script = CSharpScript.Create(code, options, globalsType: typeof(Build));

        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(Format(error, location));
            }

            return ExitCodes.UsageError;
        }

        try
        {
            await script.RunAsync(build);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"error: the build script failed while declaring its targets: {Pipeline.Execution.FailureMessage.Of(exception)}");
            return ExitCodes.UsageError;
        }

        return ExitCodes.Success;
    }

    private static string Format(Diagnostic diagnostic, ScriptLocation location)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = span.HasMappedPath || !string.IsNullOrEmpty(span.Path) ? location.DisplayPath(span.Path) : location.DisplayPath(location.Path);
        var start = span.StartLinePosition;
        return $"{path}({start.Line + 1},{start.Character + 1}): error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
