namespace Pipeline.CiGeneration;

/// <summary>
/// What the script asks of the CI configuration that <c>--generate-ci</c> writes: the hosts, the triggers, and
/// jobs where the default split (build and test and package, QA, release) does not suit. The jobs come from the
/// target graph; nothing here runs a target.
/// </summary>
public sealed class CiConfiguration
{
    private readonly List<CiHostKind> _hosts = [];
    private readonly List<CiTrigger> _triggers = [];
    private readonly List<CiJobDeclaration> _jobs = [];
    private readonly Dictionary<CiHostKind, string> _images = [];

    internal CiConfiguration()
    {
    }

    internal IReadOnlyList<CiHostKind> Hosts => _hosts;

    internal IReadOnlyList<CiTrigger> Triggers => _triggers.Count > 0 ? _triggers : CiTrigger.Defaults;

    internal IReadOnlyList<CiJobDeclaration> Jobs => _jobs;

    /// <summary>The branch releases come from; detected from <c>origin/HEAD</c> when not set, else <c>main</c>.</summary>
    internal string? DefaultBranchName { get; private set; }

    /// <summary>Writes <c>.github/workflows/pipeline.yml</c> (also run by Forgejo and Gitea Actions) on <paramref name="runsOn"/>.</summary>
    public CiConfiguration GitHubActions(string runsOn = "ubuntu-latest") => Host(CiHostKind.GitHubActions, runsOn);

    /// <summary>Writes <c>.gitlab-ci.yml</c>; jobs run in <paramref name="image"/>, by default the .NET SDK image of <c>global.json</c>'s version.</summary>
    public CiConfiguration GitLab(string? image = null) => Host(CiHostKind.GitLab, image);

    /// <summary>Writes <c>azure-pipelines.yml</c>, its jobs on the hosted pool's <paramref name="vmImage"/>.</summary>
    public CiConfiguration AzurePipelines(string vmImage = "ubuntu-latest") => Host(CiHostKind.AzurePipelines, vmImage);

    /// <summary>Runs on every push to <paramref name="branches"/>, by default the default branch.</summary>
    public CiConfiguration OnPush(params string[] branches) => On(new CiTrigger.Push(branches));

    /// <summary>Runs on pull (merge) requests into the default branch: build and test only, never QA or release.</summary>
    public CiConfiguration OnPullRequests() => On(new CiTrigger.PullRequests());

    /// <summary>Runs on pushed tags matching <paramref name="pattern"/> (a glob, by default <c>v*</c>).</summary>
    public CiConfiguration OnVersionTags(string pattern = "v*") => On(new CiTrigger.Tags(pattern));

    /// <summary>Can be started by hand (GitHub's workflow_dispatch, a web pipeline on GitLab, a manual run on Azure).</summary>
    public CiConfiguration OnManualDispatch() => On(new CiTrigger.Manual());

    /// <summary>Runs on the default branch on a schedule: <paramref name="cron"/> in five-field cron syntax, UTC.</summary>
    public CiConfiguration OnSchedule(string cron)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            throw new BuildDefinitionException($"The schedule '{cron}' is not a five-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 3 * * 1'.");
        }

        return On(new CiTrigger.Schedule(cron));
    }

    /// <summary>The branch releases come from, when <c>origin/HEAD</c> does not say.</summary>
    public CiConfiguration DefaultBranch(string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        DefinitionGuard.ThrowIfRunning("The CI default branch");
        DefaultBranchName = branch;
        return this;
    }

    /// <summary>
    /// Declares a job that runs <paramref name="targets"/> (and what they depend on that no earlier job ran). Jobs
    /// are kept in declaration order; delivery targets no declared job names get a job of their own.
    /// </summary>
    public CiJobDeclaration Job(string name, params Target[] targets)
    {
        DefinitionGuard.ThrowIfRunning($"CI job '{name}'");
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(targets);
        if (!CiJobDeclaration.IsValidName(name))
        {
            throw new BuildDefinitionException($"CI job name '{name}' is not valid: use lower-case letters, digits and dashes, starting with a letter (e.g. 'build').");
        }

        if (targets.Length == 0)
        {
            throw new BuildDefinitionException($"CI job '{name}' names no target.");
        }

        if (_jobs.Any(j => j.Name == name))
        {
            throw new BuildDefinitionException($"CI job '{name}' is declared twice.");
        }

        var job = new CiJobDeclaration(name, targets);
        _jobs.Add(job);
        return job;
    }

    /// <summary>The runner image a host's jobs use unless a job names its own.</summary>
    internal string? ImageFor(CiHostKind host) => _images.GetValueOrDefault(host);

    private CiConfiguration Host(CiHostKind host, string? image)
    {
        DefinitionGuard.ThrowIfRunning($"CI host {host}");
        if (!_hosts.Contains(host))
        {
            _hosts.Add(host);
        }

        if (image is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(image);
            _images[host] = image;
        }

        return this;
    }

    private CiConfiguration On(CiTrigger trigger)
    {
        DefinitionGuard.ThrowIfRunning("A CI trigger");
        _triggers.RemoveAll(t => t.GetType() == trigger.GetType() && trigger is not CiTrigger.Schedule);
        _triggers.Add(trigger);
        return this;
    }
}
