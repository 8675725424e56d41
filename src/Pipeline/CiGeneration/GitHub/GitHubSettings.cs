using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.CiGeneration.GitHub;

/// <summary>
/// What a workflow file cannot hold and must be set in the repository's settings: the token's default, the
/// production environment's reviewers and refs, where each secret lives; and what Forgejo and Gitea ignore.
/// </summary>
internal static class GitHubSettings
{
    public static IReadOnlyList<string> Of(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var lines = new List<string>();
        var writers = pipeline.Jobs.Where(j => j.WritesRecords).Select(j => j.Id).ToList();
        lines.Add(writers.Count == 0
            ? "- Settings > Actions > General > Workflow permissions: \"Read repository contents and packages permissions\"."
            : $"- Settings > Actions > General > Workflow permissions: \"Read repository contents and packages permissions\"; the jobs that push the delivery records ({string.Join(", ", writers)}) ask for contents: write themselves.");

        var releases = pipeline.Jobs.Where(j => j.Deployment is { IsProduction: true }).ToList();
        foreach (var release in releases)
        {
            var environment = release.Deployment!.Environment;
            lines.Add(release.Deployment.RequiresApproval
                ? $"- Settings > Environments > {environment}: Required reviewers: who may approve a release ({release.Id} waits for one of them, whose approval is recorded as the release's); tick \"Prevent self-review\"."
                : $"- Settings > Environments > {environment}: no required reviewers (the script releases continuously, without approval).");
            var tags = pipeline.Triggers.OfType<CiTrigger.Tags>().Select(t => $" and the tags {t.Pattern}").FirstOrDefault() ?? string.Empty;
            lines.Add($"- Settings > Environments > {environment} > Deployment branches and tags: \"Selected branches and tags\": the branch {pipeline.DefaultBranch}{tags}.");
        }

        foreach (var (place, secrets) in SecretPlaces(pipeline))
        {
            lines.Add($"- {place}: {string.Join(", ", secrets)}.");
        }

        if (releases.Any(r => r.Deployment!.RequiresApproval))
        {
            lines.Add("- Required reviewers in a private repository need GitHub Enterprise (Free, Pro and Team offer them for public repositories only).");
        }

        foreach (var other in new[] { ForgejoActions.Description, GiteaActions.Description })
        {
            lines.Add(AlsoRunBy(other, releases.Count > 0));
        }

        lines.Add("- Gitea before 1.26 ignores concurrency: and permissions:, and before 1.23 cannot pass artifacts with actions/upload-artifact@v4.");
        return lines;
    }

    /// <summary>What <paramref name="other"/>, which runs this file too, lacks of GitHub's capabilities (its capability table says).</summary>
    private static string AlsoRunBy(HostDescriptor other, bool releases)
    {
        var missing = CapabilityGaps.Missing(GitHubActions.Description, other);
        var text = $"- {other.DisplayName} runs this file too" + (missing.Count == 0 ? "." : $" without {string.Join(", ", missing.Select(CapabilityGaps.Describe))}");
        return missing.Contains(HostCapability.Approvals) && releases
            ? text + ": there the script's release policy and the approvals it records are the only gate."
            : text + (missing.Count == 0 ? string.Empty : ".");
    }

    /// <summary>A secret only the release job reads is an environment secret, which no other job can read; any other a repository secret.</summary>
    private static IEnumerable<(string Place, IReadOnlyList<string> Secrets)> SecretPlaces(CiPipeline pipeline)
    {
        var readers = pipeline.Jobs.SelectMany(j => j.Secrets.Select(s => (Secret: s, Job: j))).GroupBy(x => x.Secret, StringComparer.Ordinal).ToList();
        var byEnvironment = readers
            .Where(g => g.All(x => x.Job.Deployment is { IsProduction: true }) && g.Select(x => x.Job.Deployment!.Environment).Distinct(StringComparer.Ordinal).Count() == 1)
            .GroupBy(g => g.First().Job.Deployment!.Environment, StringComparer.Ordinal)
            .ToList();
        foreach (var environment in byEnvironment)
        {
            yield return ($"Settings > Environments > {environment.Key} > Environment secrets", [.. environment.Select(g => g.Key).Order(StringComparer.Ordinal)]);
        }

        var repository = readers.Where(g => !byEnvironment.Any(e => e.Contains(g))).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (repository.Count > 0)
        {
            yield return ("Settings > Secrets and variables > Actions > Repository secrets", repository);
        }
    }
}
