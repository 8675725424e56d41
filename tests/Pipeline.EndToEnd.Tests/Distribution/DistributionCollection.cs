namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// The distribution tests share one packing of this repository (about a minute) and each restores and
/// builds real projects, so they run one at a time and alongside no other test collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DistributionCollection : ICollectionFixture<FreshPackages>
{
    public const string Name = "Distribution";
}
