namespace Pipeline.Runner.Scripting;

/// <summary>A package a script asks for with <c>#r "nuget: Name, Version"</c>.</summary>
internal sealed record ScriptPackage(string Name, string Version)
{
    /// <summary>The packages, or the message for the first reference that does not name a package and a version.</summary>
    public static (IReadOnlyList<ScriptPackage> Packages, string? Error) Parse(IEnumerable<string> references)
    {
        var packages = new List<ScriptPackage>();
        foreach (var reference in references)
        {
            var parts = reference.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                return ([], $"#r \"nuget: {reference}\" needs a package name and a version: #r \"nuget: Name, 1.2.3\".");
            }

            packages.Add(new ScriptPackage(parts[0], parts[1]));
        }

        return (packages, null);
    }

    /// <summary>
    /// The set NuGet sees: ids and versions compared without case (as NuGet does), each once, in one order,
    /// so writing the same references in another case or order is the same restore. The first spelling is kept.
    /// </summary>
    public static IReadOnlyList<ScriptPackage> Normalise(IEnumerable<ScriptPackage> packages) =>
        [.. packages
            .DistinctBy(p => p.Identity)
            .OrderBy(p => p.Identity, StringComparer.Ordinal)];

    /// <summary>Name and version as NuGet compares them.</summary>
    public string Identity => $"{Name.ToLowerInvariant()} {Version.ToLowerInvariant()}";

    public override string ToString() => $"{Name} {Version}";
}
