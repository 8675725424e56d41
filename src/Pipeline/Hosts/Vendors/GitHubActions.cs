using System.Text.Json;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// GitHub Actions: workflow commands on standard output (<c>::group::</c>, <c>::error file=…::</c>,
/// <c>::add-mask::</c>) and files named by variables for the job summary and step outputs. Artifacts are
/// uploaded only by an <c>actions/upload-artifact</c> step in the workflow file.
/// </summary>
public class GitHubActions : CiHost
{
    public override string Name => "github-actions";

    public override string DisplayName => "GitHub Actions";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.Runtime),
        (HostCapability.Annotations, CapabilitySupport.Runtime),
        (HostCapability.Masking, CapabilitySupport.Runtime),
        (HostCapability.JobSummary, CapabilitySupport.Runtime),
        (HostCapability.Outputs, CapabilitySupport.Runtime),
        (HostCapability.Artifacts, CapabilitySupport.ConfigurationOnly),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.ConfigurationOnly));

    // Gitea and Forgejo runners (forks of nektos/act) set GITHUB_ACTIONS=true too, so a run that also says
    // GITEA_ACTIONS or FORGEJO_ACTIONS is theirs; the detector asks them first besides.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsTrue("GITHUB_ACTIONS") && !environment.IsTrue("GITEA_ACTIONS") && !environment.IsTrue("FORGEJO_ACTIONS");
    }

    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reference = environment["GITHUB_REF"];
        var refType = environment["GITHUB_REF_TYPE"];
        var refName = environment["GITHUB_REF_NAME"];
        var pullRequestNumber = Refs.PullRequestNumber(reference) ?? PullRequestNumberFromEvent(environment["GITHUB_EVENT_PATH"]);
        var pullRequest = environment["GITHUB_HEAD_REF"] is { } head
            ? new PullRequest(pullRequestNumber ?? string.Empty, head, environment["GITHUB_BASE_REF"])
            : null;
        var tag = refType == "tag" ? refName : Refs.TagName(reference);
        var server = environment["GITHUB_SERVER_URL"]?.TrimEnd('/');
        var repository = environment["GITHUB_REPOSITORY"];
        var runId = environment["GITHUB_RUN_ID"];
        var run = RunInUrl(environment);
        return new BuildIdentity
        {
            Host = Name,
            Ref = pullRequest is not null && pullRequestNumber is not null ? Refs.PullRequest(pullRequestNumber) : reference,
            Branch = pullRequest?.SourceBranch ?? (refType == "branch" ? refName : Refs.BranchName(reference)),
            Tag = tag,
            Commit = environment["GITHUB_SHA"],
            PullRequest = pullRequest,
            BuildNumber = environment["GITHUB_RUN_NUMBER"],
            BuildId = runId,
            BuildUrl = server is not null && repository is not null && run is not null ? $"{server}/{repository}/actions/runs/{run}" : null,
        };
    }

    /// <summary>The run's number in its web address: the run id on GitHub.</summary>
    protected virtual string? RunInUrl(HostEnvironment environment) => environment?["GITHUB_RUN_ID"];

    public override IEnumerable<HostEffect> BeginGroup(string title) => [new PrintLine($"::group::{Escape(title)}")];

    public override IEnumerable<HostEffect> EndGroup(string title) => [new PrintLine("::endgroup::")];

    public override IEnumerable<HostEffect> Annotate(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
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
    public override IEnumerable<HostEffect> RegisterSecret(string value) =>
        [.. HostText.SecretParts(value ?? string.Empty).Select(part => new PrintLine($"::add-mask::{Escape(part)}", Raw: true))];

    public override IEnumerable<HostEffect> PublishSummary(string markdown, string summaryFile, HostEnvironment environment) =>
        environment?["GITHUB_STEP_SUMMARY"] is { } path ? [new AppendToFile(path, markdown + "\n")] : [];

    // `name=value` lines; a value with a line break uses the documented multi-line form
    // `name<<DELIMITER` / value / `DELIMITER` ("Multiline strings" in the workflow commands reference), with a
    // delimiter that does not occur in the value.
    public override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        environment?["GITHUB_OUTPUT"] is { } path && outputs?.Count > 0
            ? [new AppendToFile(path, string.Concat(outputs.Select(o => OutputLine(o.Key, o.Value))))]
            : [];

    private static string OutputLine(string name, string value)
    {
        if (!HostText.IsMultiLine(value))
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

    private static string? PullRequestNumberFromEvent(string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(eventPath));
            return document.RootElement.TryGetProperty("pull_request", out var pull) && pull.TryGetProperty("number", out var number)
                ? number.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
