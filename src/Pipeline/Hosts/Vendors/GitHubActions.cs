using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// GitHub Actions: workflow commands on standard output (<c>::group::</c>, <c>::error file=…::</c>,
/// <c>::add-mask::</c>) and files named by variables for the job summary and step outputs. Artifacts are
/// uploaded only by an <c>actions/upload-artifact</c> step in the workflow file.
/// </summary>
internal class GitHubActions : CiHost
{
    public GitHubActions() : this(Description) { }

    /// <summary>Another host that speaks GitHub's workflow commands (Gitea's and Forgejo's runners, forks of nektos/act).</summary>
    private protected GitHubActions(HostDescriptor descriptor) : base(descriptor) { }

    internal static HostDescriptor Description { get; } = new()
    {
        Name = "github-actions",
        DisplayName = "GitHub Actions",

        // Gitea and Forgejo runners (forks of nektos/act) set GITHUB_ACTIONS=true too, so a run that also says
        // GITEA_ACTIONS or FORGEJO_ACTIONS is theirs; the detector asks them first besides.
        Detection = new()
        {
            AllOf = [VariableTest.IsTrue("GITHUB_ACTIONS")],
            NoneOf = [VariableTest.IsTrue("GITEA_ACTIONS"), VariableTest.IsTrue("FORGEJO_ACTIONS")],
        },

        // The ref, branch, tag and pull request are read in code (see ReadIdentity).
        Identity = new()
        {
            Commit = [new("GITHUB_SHA")],
            BuildNumber = [new("GITHUB_RUN_NUMBER")],
            BuildId = [new("GITHUB_RUN_ID")],
            BuildUrlTemplate = new("{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}/actions/runs/{GITHUB_RUN_ID}"),
        },
        Capabilities = CapabilityTable.Of(runtime: [Groups, Annotations, Masking, JobSummary, Outputs], configurationOnly: [Artifacts, Approvals]),
        ActorVariables = ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"],
        TriggeringActorVariables = ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"],

        // "Get the review history for a workflow run": the reviewers of a job behind a protected environment.
        RunReviewsUrl = new("{GITHUB_API_URL}/repos/{GITHUB_REPOSITORY}/actions/runs/{GITHUB_RUN_ID}/approvals"),
    };

    // A pull request's number is in GITHUB_REF (refs/pull/42/merge) or else in the event file.
    internal override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        var identity = base.ReadIdentity(environment);
        var reference = environment["GITHUB_REF"];
        var refType = environment["GITHUB_REF_TYPE"];
        var refName = environment["GITHUB_REF_NAME"];
        var pullRequestNumber = Refs.PullRequestNumber(reference) ?? GitHubEvent.PullRequestNumber(environment["GITHUB_EVENT_PATH"]);
        var pullRequest = environment["GITHUB_HEAD_REF"] is { } head
            ? new PullRequest(pullRequestNumber ?? string.Empty, head, environment["GITHUB_BASE_REF"])
            : null;
        return identity with
        {
            Ref = pullRequest is not null && pullRequestNumber is not null ? Refs.PullRequest(pullRequestNumber) : reference,
            Branch = pullRequest?.SourceBranch ?? (refType == "branch" ? refName : Refs.BranchName(reference)),
            Tag = refType == "tag" ? refName : Refs.TagName(reference),
            PullRequest = pullRequest,
        };
    }

    internal override IEnumerable<HostEffect> BeginGroup(string title) => [new PrintLine($"::group::{Escape(title)}")];

    internal override IEnumerable<HostEffect> EndGroup(string title) => [new PrintLine("::endgroup::")];

    // Gitea's and Forgejo's runners show no annotations, which their descriptors say.
    internal override IEnumerable<HostEffect> Annotate(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (Supports(Annotations) != CapabilitySupport.Runtime)
        {
            return [];
        }

        var properties = HostText.Location(annotation, "file", "line", "col").Select(p => $"{p.Key}={EscapeProperty(p.Value)}").ToList();
        if (annotation.Title is { } title)
        {
            properties.Add($"title={EscapeProperty(title)}");
        }

        var command = annotation.Level == AnnotationLevel.Error ? "error" : "warning";
        var parameters = properties.Count > 0 ? " " + string.Join(',', properties) : string.Empty;
        return [new PrintLine($"::{command}{parameters}::{Escape(annotation.Message)}")];
    }

    // The runner hides the value from then on and does not show this line itself. Logs are masked line by
    // line, so each line of a multi-line value is registered too.
    internal override IEnumerable<HostEffect> RegisterSecret(string value) =>
        [.. HostText.SecretParts(value ?? string.Empty).Select(part => new PrintLine($"::add-mask::{Escape(part)}", Raw: true))];

    internal override IEnumerable<HostEffect> PublishSummary(string markdown, string summaryFile, HostEnvironment environment) =>
        Supports(JobSummary) == CapabilitySupport.Runtime && environment?["GITHUB_STEP_SUMMARY"] is { } path ? [new AppendToFile(path, markdown + "\n")] : [];

    // `name=value` lines; a value with a line break uses the documented multi-line form
    // `name<<DELIMITER` / value / `DELIMITER` ("Multiline strings" in the workflow commands reference), with a
    // delimiter that does not occur in the value.
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        environment?["GITHUB_OUTPUT"] is { } path && outputs?.Count > 0
            ? [new AppendToFile(path, string.Concat(outputs.Select(o => OutputLine(o.Key, o.Value))))]
            : [];

    private static string OutputLine(string name, string value)
    {
        if (!DotEnv.IsMultiLine(value))
        {
            return $"{name}={value}\n";
        }

        var delimiter = "PIPELINE_EOF";
        for (var n = 1; value.Contains(delimiter, StringComparison.Ordinal); n++)
        {
            delimiter = $"PIPELINE_EOF_{n}";
        }

        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }

    /// <summary>Escapes data the way the runner decodes it: %, CR and LF.</summary>
    protected static string Escape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        Escape(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
