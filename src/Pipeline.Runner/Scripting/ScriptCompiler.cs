using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using Pipeline.Planning;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// Compiles a build script with Roslyn: the <see cref="Build"/> is its globals, <c>#load</c> pulls in
/// other files (relative to the file that loads them, each once), <c>#r "nuget: Name, Version"</c> brings
/// in packages. This is the only type that touches Roslyn, and it runs only when the cache misses.
/// </summary>
internal static class ScriptCompiler
{
    private static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks", "Pipeline", "Pipeline.Definition", "Pipeline.Files",
        "Pipeline.Parameters", "Pipeline.Partitions", "Pipeline.Paths", "Pipeline.Processes", "Pipeline.Running", "Pipeline.Delivery", "Pipeline.Delivery.Deployers",
    ];

    /// <summary>
    /// Every managed assembly of the shared framework the runner runs on, so a script can use any BCL type
    /// (System.IO.Compression.ZipFile, System.Net.Http, ...) without <c>#r</c>, as a console project can.
    /// Found when compiling, which a run does at most once.
    /// </summary>
    private static MetadataReference[] SharedFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return
        [
            .. trusted
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Select(path => MetadataReference.CreateFromFile(path)),
        ];
    }

    /// <summary>The compiled script, or what stops it from compiling.</summary>
    public static async Task<(CompiledScript? Script, IReadOnlyList<ScriptError> Errors)> CompileAsync(ScriptLocation location, RunnerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = Path.GetDirectoryName(location.Path)!;
        var sourceResolver = new SourceFileResolver(ImmutableArray<string>.Empty, folder);
        var packages = await NuGetPackages.RestoreAsync(ScriptDirectives.NuGetReferences(location.Path), location, context.Cache, context.Trace);
        if (packages.Error is { } restoreError)
        {
            return (null, [new ScriptError(location.DisplayPath(location.Path), null, null, null, restoreError)]);
        }

        var options = ScriptOptions.Default
            .WithFilePath(location.Path)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithReferences(SharedFramework())
            .AddReferences(typeof(Build).Assembly)
            .AddReferences(packages.CompileAssemblies.Select(path => MetadataReference.CreateFromFile(path)))
            .WithImports(Imports)
            .WithSourceResolver(sourceResolver)
            .WithMetadataResolver(new NuGetMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder), packages));
        var code = await File.ReadAllTextAsync(location.Path);
        var compilation = CSharpScript.Create(code, options, globalsType: typeof(Build)).GetCompilation();

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!emitted.Success)
        {
            return (null, WhyNotEmitted(emitted, compilation, location));
        }

        var entryPoint = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("A compiled script has no entry point.");
        // Assemblies a script names by file (#r "lib/x.dll") are loaded at run time and, like sources, part of the key.
        var referencedFiles = compilation.DirectiveReferences
            .OfType<PortableExecutableReference>()
            .Select(reference => reference.FilePath)
            .OfType<string>()
            .Where(path => !packages.RuntimeAssemblies.Contains(path, StringComparer.Ordinal))
            .ToList();
        var sources = compilation.SyntaxTrees
            .Select(tree => tree.FilePath)
            .Where(path => !string.IsNullOrEmpty(path))
            .Concat(referencedFiles)
            .Distinct(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, ContentHash.Of(path)))
            .ToList();
        return (new CompiledScript(
            image.ToArray(),
            sources,
            [.. packages.RuntimeAssemblies, .. referencedFiles],
            entryPoint.ContainingType.MetadataName,
            entryPoint.MetadataName), []);
    }

    /// <summary>The errors that stopped the emit: in file order (as the files are loaded), then by line and column.</summary>
    private static List<ScriptError> WhyNotEmitted(EmitResult emitted, Compilation compilation, ScriptLocation location)
    {
        // Errors without a place (a missing reference) concern the whole script: they go first.
        var fileOrder = compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(pair => pair.tree, pair => pair.index);
        List<ScriptError> errors =
        [
            .. emitted.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .OrderBy(diagnostic => diagnostic.Location.SourceTree is { } tree ? fileOrder.GetValueOrDefault(tree, fileOrder.Count) : -1)
                .ThenBy(diagnostic => diagnostic.Location.GetMappedLineSpan().StartLinePosition)
                .Select(diagnostic => ToError(diagnostic, location)),
        ];
        if (errors.Count > 0)
        {
            return errors;
        }

        // Roslyn emits nothing for a script without a single statement or declaration (empty, only comments or
        // directives), and says nothing about it. Any other silent failure is a bug to report (exit code 70).
        return compilation.SyntaxTrees.All(tree => tree.GetCompilationUnitRoot().Members.Count == 0)
            ? [new ScriptError(location.DisplayPath(location.Path), null, null, null, Planner.NoTargetsDeclared)]
            : throw new InvalidOperationException("Roslyn could not compile the build script and gave no reason.");
    }

    private static ScriptError ToError(Diagnostic diagnostic, ScriptLocation location)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = location.DisplayPath(string.IsNullOrEmpty(span.Path) ? location.Path : span.Path);
        var start = span.StartLinePosition;
        return new ScriptError(path, start.Line + 1, start.Character + 1, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
