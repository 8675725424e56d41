namespace Pipeline.EndToEnd.Tests.RepositoryBuild;

/// <summary>
/// The tests that run this repository's own <c>./build.sh</c> in a copy of it: each builds the whole solution
/// (the first also publishes the runner), so they run one at a time and alongside no other test collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RepositoryBuildCollection
{
    public const string Name = "RepositoryBuild";
}
