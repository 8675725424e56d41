using System.Reflection;

namespace Pipeline.Definition;

public partial class Build
{
    /// <summary>
    /// Stands for the text that defines the targets, for fingerprints: an edit to it may change what any target does.
    /// The runner sets a digest of the script and every file it <c>#load</c>s; a console project is defined by its
    /// compiled assembly, whose module version id changes with its code.
    /// </summary>
    internal string DefinitionDigest { get; init; } = Assembly.GetEntryAssembly()?.ManifestModule.ModuleVersionId.ToString("N") ?? "unknown";
}
