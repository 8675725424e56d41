namespace Pipeline.Definition;

// PLACEHOLDER (helper A replaces this file).
public partial class Build
{
    internal string DefinitionDigest { get; init; } = "unknown";
}
