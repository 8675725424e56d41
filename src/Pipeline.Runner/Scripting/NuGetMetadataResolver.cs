using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Pipeline.Runner.Scripting;

/// <summary>Answers <c>#r "nuget: ..."</c> with the restored packages' assemblies; any other <c>#r</c> goes to Roslyn's resolver.</summary>
internal sealed class NuGetMetadataResolver(MetadataReferenceResolver inner, NuGetPackages packages) : MetadataReferenceResolver
{
    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (!reference.StartsWith(ScriptDirectives.NuGetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return inner.ResolveReference(reference, baseFilePath, properties);
        }

        // All packages were restored together and every assembly is referenced up front (see ScriptCompiler);
        // Roslyn wants exactly one reference per directive, so the directive resolves to its package's own
        // assembly where it has one by that name.
        var name = reference[ScriptDirectives.NuGetPrefix.Length..].Split(',')[0].Trim();
        var primary = packages.CompileAssemblies.FirstOrDefault(path => Path.GetFileNameWithoutExtension(path).Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? packages.CompileAssemblies.FirstOrDefault();
        return primary is null ? [] : [MetadataReference.CreateFromFile(primary, properties)];
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        inner.ResolveMissingAssembly(definition, referenceIdentity);

    public override bool Equals(object? other) =>
        other is NuGetMetadataResolver resolver && resolver.Inner.Equals(inner) && ReferenceEquals(resolver.Packages, packages);

    public override int GetHashCode() => HashCode.Combine(inner, packages);

    private MetadataReferenceResolver Inner => inner;

    private NuGetPackages Packages => packages;
}
