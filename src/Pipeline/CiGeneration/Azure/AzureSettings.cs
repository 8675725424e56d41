namespace Pipeline.CiGeneration.Azure;

/// <summary>
/// What a person sets in Azure DevOps for the generated pipeline: the production environment's approvals and
/// checks, the build service's right to push the records, and the secret variables. Azure evaluates these
/// checks before the production stage starts; the YAML can only name the environment.
/// </summary>
internal static class AzureSettings
{
    public static IReadOnlyList<string> Lines(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var lines = new List<string>();
        foreach (var job in pipeline.Jobs.Where(j => j.Deployment is not null))
        {
            lines.AddRange(AzureStages.IsDeploymentJob(job) ? Production(pipeline, job) : [Qa(job)]);
        }

        var pushing = pipeline.Jobs.Where(j => j.WritesRecords).Select(j => j.Id).ToList();
        if (pushing.Count > 0)
        {
            lines.Add(
                $"Project settings > Repositories > (this repository) > Security > '(project) Build Service ((organization))': Contribute: Allow. " +
                $"Job{(pushing.Count == 1 ? string.Empty : "s")} {string.Join(", ", pushing)} push{(pushing.Count == 1 ? "es" : string.Empty)} the delivery records with the checkout's persisted credentials; no other job keeps them.");
        }

        foreach (var secret in pipeline.Jobs.SelectMany(j => j.Secrets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var jobs = pipeline.Jobs.Where(j => j.Secrets.Contains(secret, StringComparer.Ordinal)).Select(j => j.Id);
            lines.Add(
                $"Pipelines > (this pipeline) > Edit > Variables: {secret}, with 'Keep this value secret' (or from a variable group). " +
                $"Mapped only into {string.Join(", ", jobs)}; left undefined, it reaches the job as the literal text $({secret}).");
        }

        return lines;
    }

    private static IEnumerable<string> Production(CiPipeline pipeline, CiJob job)
    {
        var deployment = job.Deployment!;
        var checks = $"Pipelines > Environments > {deployment.Environment} > Approvals and checks";
        yield return $"Pipelines > Environments: create '{deployment.Environment}' and its checks before the first run (Azure creates a missing environment with no checks).";
        if (deployment.RequiresApproval)
        {
            yield return $"{checks} > Approvals: the people who approve releases; under Advanced, clear 'Allow approvers to approve their own runs'.";
            yield return
                "The approval lets the job start, but Azure does not tell the job who approved: the script's release policy still needs " +
                $"its own approval in the records (./build.sh {string.Join(' ', job.Targets)} --approve, signed where the policy asks, from the approver's machine).";
        }

        yield return $"{checks} > Exclusive lock: one release at a time; the stage's lockBehavior: sequential queues the others in order, none is cancelled.";
        var refs = new[] { $"refs/heads/{pipeline.DefaultBranch}" }.Concat(AzureTriggers.TagPatterns(pipeline).Select(p => $"refs/tags/{p}"));
        yield return $"{checks} > Branch control: allowed branches {string.Join(", ", refs)}; tick 'Verify branch protection'.";
    }

    private static string Qa(CiJob job) =>
        $"{job.Deployment!.Environment}: runs as the ordinary job {job.Id}, not in an Azure environment; the script's checks and policy gate it, and pull requests never reach it.";
}
