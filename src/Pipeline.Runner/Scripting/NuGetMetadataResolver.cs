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

        // All packages were restored together; each nuget directive makes every restored assembly visible.
        return [.. packages.CompileAssemblies.Select(path => MetadataReference.CreateFromFile(path, properties))];
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        inner.ResolveMissingAssembly(definition, referenceIdentity);

    public override bool Equals(object? other) =>
        other is NuGetMetadataResolver resolver && resolver.Inner.Equals(inner) && ReferenceEquals(resolver.Packages, packages);

    public override int GetHashCode() => HashCode.Combine(inner, packages);

    private MetadataReferenceResolver Inner => inner;

    private NuGetPackages Packages => packages;
}
