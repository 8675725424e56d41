using System.Runtime.Versioning;

namespace Pipeline.EndToEnd.Tests.RepositoryBuild;

/// <summary>
/// The tests that run this repository's own <c>./build.sh</c> and <c>build.ps1</c> in one copy of it (so the
/// runner is published once): builds of the whole solution, so they run one at a time and alongside no other
/// test collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[UnsupportedOSPlatform("windows")] // RepositoryCopy
public sealed class RepositoryBuildCollection : ICollectionFixture<RepositoryCopy>
{
    public const string Name = "RepositoryBuild";
}
