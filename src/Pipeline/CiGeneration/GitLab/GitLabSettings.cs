namespace Pipeline.CiGeneration.GitLab;

/// <summary>What a person must set in the GitLab project for the generated pipeline, which <c>.gitlab-ci.yml</c> cannot say.</summary>
internal static class GitLabSettings
{
    public static IReadOnlyList<string> For(CiPipeline pipeline)
    {
        var lines = new List<string>();
        var production = pipeline.Deployments.Where(d => d.IsProduction).Select(d => d.Environment).Distinct(StringComparer.Ordinal).ToList();
        var tags = pipeline.Triggers.OfType<CiTrigger.Tags>().Select(t => t.Pattern).ToList();
        if (production.Count > 0)
        {
            lines.Add(
                $"Settings > Repository > Protected branches: protect {pipeline.DefaultBranch} (the branch releases come from)" +
                (tags.Count > 0 ? $"; Protected tags: protect {string.Join(", ", tags)}." : "."));
        }

        foreach (var environment in production)
        {
            var job = pipeline.Jobs.First(j => j.Deployment?.Environment == environment);
            lines.Add(
                $"Settings > CI/CD > Protected environments: protect '{environment}'; 'Allowed to deploy': only the people who may release " +
                (job.Deployment!.RequiresApproval
                    ? $"(starting the manual job '{job.Id}' is the approval: Pipeline records the user who started it)."
                    : "(the policy deploys without a person).") +
                " For approvals by others, add approval rules there and leave 'Allow pipeline triggerer to approve deployment' off.");
        }

        foreach (var secret in pipeline.Jobs.SelectMany(j => j.Secrets.Select(s => (Secret: s, Job: j))).GroupBy(x => x.Secret, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var environments = secret.Select(x => x.Job.Deployment is { IsProduction: true } d ? d.Environment : null).Distinct().ToList();
            var scope = environments is [{ } only] ? $"environment scope '{only}'" : "all environments";
            lines.Add(
                $"Settings > CI/CD > Variables: add {secret.Key} as a masked, protected variable ({scope}); needed by job {string.Join(", ", secret.Select(x => x.Job.Id).Distinct())}. " +
                "GitLab gives variables to every job that matches their scope: it cannot import a secret into one job only.");
        }

        if (pipeline.Jobs.Any(j => j.WritesRecords))
        {
            lines.Add(
                $"Settings > CI/CD > Job token permissions: turn on 'Allow Git push requests to the repository' so the jobs that deploy (" +
                $"{string.Join(", ", pipeline.Jobs.Where(j => j.WritesRecords).Select(j => j.Id))}) can push the delivery records (by default {Delivery.RecordsBackend.DefaultReference}) with CI_JOB_TOKEN; " +
                "or give them a project access token or deploy key with write access.");
        }

        foreach (var schedule in pipeline.Triggers.OfType<CiTrigger.Schedule>())
        {
            lines.Add($"Build > Pipeline schedules: add a schedule on {pipeline.DefaultBranch} with the cron '{schedule.Cron}' in the UTC time zone (GitLab keeps schedules out of .gitlab-ci.yml).");
        }

        return lines;
    }
}
