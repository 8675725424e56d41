namespace Pipeline.Runner.Scripting;

/// <summary>A script compiled by Roslyn, ready to be cached and loaded.</summary>
/// <param name="Assembly">The assembly image, with its PDB embedded so failures point at script lines.</param>
/// <param name="Sources">The script and every file it #loads, with their content hashes.</param>
/// <param name="PackageAssemblies">Assemblies of #r "nuget: ..." packages, loaded on demand at run time.</param>
internal sealed record CompiledScript(
    byte[] Assembly,
    IReadOnlyList<SourceFile> Sources,
    IReadOnlyList<string> PackageAssemblies,
    string EntryType,
    string EntryMethod);
