using Pipeline.Hosts.Vendors;

namespace Pipeline.Hosts;

/// <summary>Finds the CI host running the build, or the one named by <c>--host</c>.</summary>
internal static class HostDetector
{
    /// <summary>
    /// Every host, in the order they are asked. Forgejo and Gitea runners also set GITHUB_ACTIONS=true, so they
    /// come before GitHub Actions; Woodpecker before Drone, which it began as; Jenkins (which newer versions
    /// give CI=true) and every other named host before the generic <c>CI</c> check; the local machine last.
    /// Azure Pipelines, TeamCity and Bamboo set no <c>CI</c> variable and are recognised by their own.
    /// </summary>
    public static IReadOnlyList<CiHost> All { get; } =
    [
        new ForgejoActions(),
        new GiteaActions(),
        new GitHubActions(),
        new GitLabCi(),
        new AzurePipelines(),
        new TeamCity(),
        new Bamboo(),
        new Jenkins(),
        new TravisCi(),
        new AppVeyor(),
        new BitbucketPipelines(),
        new CircleCi(),
        new Buildkite(),
        new Woodpecker(),
        new Drone(),
        new GenericCi(),
        new LocalHost(),
    ];

    /// <summary>The host names <c>--host</c> accepts, in detection order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(h => h.Name)];

    /// <summary>The first host present in the environment; the local machine when no CI is (including <c>CI=false</c> with no named host).</summary>
    public static CiHost Detect(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return All.First(h => h.IsPresent(environment));
    }

    /// <summary>The host with this name (any case), or null.</summary>
    public static CiHost? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(h => string.Equals(h.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
