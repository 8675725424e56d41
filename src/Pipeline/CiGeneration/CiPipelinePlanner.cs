using Pipeline.Delivery;

namespace Pipeline.CiGeneration;

/// <summary>
/// Derives the CI jobs from the target graph and the delivery stages. By default: one job that builds, tests and
/// packages (what the delivery targets depend on), then one job per delivery target. A job skips what the jobs it
/// needs already ran; a partitioned target becomes a job of its own fanned out as parallel slices, which the job
/// that needs it merges.
/// </summary>
internal static class CiPipelinePlanner
{
    public static CiPipeline Plan(Build build, string scriptPath, string defaultBranch)
    {
        ArgumentNullException.ThrowIfNull(build);
        var ci = build.Ci;
        var stages = Stages(build, ci);
        var jobs = new List<CiJob>();
        var owner = new Dictionary<Target, string>();
        foreach (var (id, targets, images) in stages)
        {
            foreach (var partitioned in Closure(targets).Where(t => t.PartitionCount > 1 && !owner.ContainsKey(t)).ToList())
            {
                jobs.Add(Job(CiText.JobId(partitioned.Name), [partitioned], images, owner, jobs, build) with
                {
                    Partition = new CiPartition(partitioned.Name, partitioned.PartitionCount),
                });
            }

            jobs.Add(Job(id, targets, images, owner, jobs, build));
        }

        return new CiPipeline
        {
            ScriptPath = scriptPath,
            DefaultBranch = defaultBranch,
            Triggers = ci.Triggers,
            Jobs = WithArtifacts(build, jobs, owner),
            HasGlobalJson = File.Exists(build.Root / "global.json"),
            SdkChannel = SdkChannel(build.Root / "global.json"),
            NuGetCacheKeyFiles = ["**/*.csproj", "**/*.props", "global.json"],
            Images = ci.Hosts.Select(h => (Host: h, Image: ci.ImageFor(h))).Where(x => x.Image is not null).ToDictionary(x => x.Host, x => x.Image!),
        };
    }

    /// <summary>The jobs the script declared, then one per delivery target none of them names; by default a build job first.</summary>
    private static List<(string Id, IReadOnlyList<Target> Targets, IReadOnlyDictionary<CiHostKind, string> Images)> Stages(Build build, CiConfiguration ci)
    {
        var stages = ci.Jobs.Select(j => (j.Name, j.Targets, (IReadOnlyDictionary<CiHostKind, string>)Enum.GetValues<CiHostKind>()
            .Where(h => j.ImageFor(h) is not null).ToDictionary(h => h, h => j.ImageFor(h)!))).ToList();
        var named = stages.SelectMany(s => s.Targets).ToHashSet();
        var delivery = build.Targets.Where(t => t.Delivery is not null).ToList();
        if (stages.Count == 0)
        {
            var dependencies = delivery.SelectMany(t => t.Dependencies).Where(t => t.Delivery is null).Distinct().ToList();
            IReadOnlyList<Target> buildTargets = delivery.Count == 0
                ? [build.DefaultTarget ?? throw new BuildDefinitionException("CI jobs come from the delivery targets or the default target: declare Default(target) or Ci.Job(...).")]
                : [.. dependencies.Where(d => !dependencies.Any(other => other != d && Closure([other]).Contains(d)))];
            if (buildTargets.Count > 0)
            {
                stages.Add(("build", buildTargets, new Dictionary<CiHostKind, string>()));
            }
        }

        foreach (var target in delivery.Where(t => !named.Contains(t)))
        {
            stages.Add((CiText.JobId(target.Name), [target], new Dictionary<CiHostKind, string>()));
        }

        var duplicate = stages.GroupBy(s => s.Item1).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? stages
            : throw new BuildDefinitionException($"Two CI jobs would be named '{duplicate.Key}': name the jobs with Ci.Job(name, targets).");
    }

    private static CiJob Job(string id, IReadOnlyList<Target> targets, IReadOnlyDictionary<CiHostKind, string> images, Dictionary<Target, string> owner, List<CiJob> earlier, Build build)
    {
        var closure = Closure(targets);
        var satisfied = closure.Where(owner.ContainsKey).ToList();
        var needs = satisfied.Select(t => owner[t]).Distinct().ToList();
        needs.RemoveAll(n => needs.Any(other => other != n && Reaches(other, n, earlier)));
        var own = closure.Except(satisfied).ToList();

        // A partition job owns only its target: what that target depends on ran there for its own use, and a later
        // job runs it again (only the partitions' results travel).
        var partitionJob = targets.Count == 1 && targets[0].PartitionCount > 1 && !owner.ContainsKey(targets[0]);
        foreach (var target in partitionJob ? [targets[0]] : own)
        {
            owner[target] = id;
        }

        var step = own.Select(t => t.Delivery).OfType<DeliveryStep>().LastOrDefault();
        var deploysOrFollowsDeployment = step is not null || needs.Any(n => !earlier.Single(j => j.Id == n).RunsOnPullRequests);
        return new CiJob
        {
            Id = id,
            Targets = [.. targets.Select(t => t.Name)],
            Satisfied = [.. satisfied.OrderBy(t => t.DeclarationIndex).Select(t => t.Name)],
            Needs = needs,
            Images = images,
            Deployment = step is null ? null : new CiDeployment(step.Environment.Name, step.Environment.Kind, step.Policy.Mode == ReleaseMode.Delivery && step.Environment.Kind == EnvironmentKind.Production),
            Secrets = [.. own.SelectMany(t => t.RequiredParameters).Where(p => p.IsSecret).Select(p => p.EnvironmentVariable).Distinct().Order(StringComparer.Ordinal)],
            WritesRecords = step is not null,
            Variables = step is not null && build.Records is null ? [new("PIPELINE_RECORDS", "git")] : [],
            RunsOnPullRequests = !deploysOrFollowsDeployment,
        };
    }

    /// <summary>The candidate each publication deploys travels from the job that made it; partition results to the job that merges them.</summary>
    private static List<CiJob> WithArtifacts(Build build, List<CiJob> jobs, Dictionary<Target, string> owner)
    {
        var uploads = jobs.ToDictionary(j => j.Id, _ => new List<CiArtifact>());
        var downloads = jobs.ToDictionary(j => j.Id, _ => new List<CiArtifact>());
        foreach (var publication in build.Targets.Select(t => t.Delivery).OfType<Publication>())
        {
            // One job makes the candidate: of the jobs that ran what the publication depends on, the last to run
            // (never a partition's, whose copies would each export a digest). The same job may make it for both.
            var consumer = owner[publication.Target];
            var producer = jobs.LastOrDefault(j => j.Id != consumer && j.Partition is null &&
                publication.Target.Dependencies.Any(d => owner.GetValueOrDefault(d) == j.Id));
            if (producer is not null)
            {
                var artifact = new CiArtifact($"candidate-{CiText.JobId(publication.Environment.Name)}", Relative(build.Root, publication.CandidateFolder), producer.Id, IsCandidate: true);
                AddOnce(uploads[producer.Id], artifact);
                AddOnce(downloads[consumer], artifact);
            }
        }

        foreach (var job in jobs.Where(j => j.Partition is not null))
        {
            var artifact = new CiArtifact($"partition-{job.Id}", "artifacts/partitions", job.Id, IsCandidate: false);
            uploads[job.Id].Add(artifact);
            // Only the job that merges the slices (it needs them directly); later jobs skip the target without its results.
            foreach (var merger in jobs.Where(j => j.Needs.Contains(job.Id, StringComparer.Ordinal) && j.Satisfied.Contains(job.Partition!.Target, StringComparer.Ordinal)))
            {
                downloads[merger.Id].Add(artifact);
            }
        }

        return [.. jobs.Select(j => j with
        {
            Uploads = uploads[j.Id],
            Downloads = downloads[j.Id],
            Outputs = uploads[j.Id].Any(a => a.IsCandidate) ? [CandidateDigestOutput] : [],
        })];
    }

    /// <summary>The output a job that made a candidate exports: its manifest's digest, which the jobs downloading it check.</summary>
    public const string CandidateDigestOutput = "candidate_digest";

    private static void AddOnce(List<CiArtifact> list, CiArtifact artifact)
    {
        if (!list.Contains(artifact))
        {
            list.Add(artifact);
        }
    }

    private static string Relative(AbsolutePath root, AbsolutePath path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/') is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            ? relative
            : throw new BuildDefinitionException($"The candidate folder {path} is outside the repository: CI jobs can only pass folders inside it between them.");

    private static bool Reaches(string from, string to, List<CiJob> jobs) =>
        jobs.Single(j => j.Id == from).Needs.Any(n => n == to || Reaches(n, to, jobs));

    /// <summary><paramref name="targets"/> and everything they depend on, in declaration order.</summary>
    internal static List<Target> Closure(IEnumerable<Target> targets)
    {
        var seen = new HashSet<Target>();
        var pending = new Stack<Target>(targets);
        while (pending.TryPop(out var target))
        {
            if (seen.Add(target))
            {
                foreach (var dependency in target.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return [.. seen.OrderBy(t => t.DeclarationIndex)];
    }

    private static string? SdkChannel(AbsolutePath globalJson)
    {
        if (!File.Exists(globalJson))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(globalJson));
            return document.RootElement.TryGetProperty("sdk", out var sdk) && sdk.TryGetProperty("version", out var version) &&
                NuGet.Versioning.NuGetVersion.TryParse(version.GetString(), out var parsed)
                ? $"{parsed.Major}.{parsed.Minor}"
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
