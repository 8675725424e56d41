namespace Pipeline.CiGeneration;

/// <summary>The CI hosts whose configuration files Pipeline generates.</summary>
internal enum CiHostKind
{
    GitHubActions,
    GitLab,
    AzurePipelines,
}
