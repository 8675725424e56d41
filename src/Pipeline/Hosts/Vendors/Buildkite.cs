using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Buildkite: <c>---</c> headers group the log, and the agent's command does the rest: annotations for the
/// summary, build meta-data for outputs, artifact upload. Block steps (approvals) and the agent's redaction of
/// secret-looking variables are configuration.
/// Commands: https://buildkite.com/docs/agent/cli/reference/annotate, …/meta-data, …/artifact.
/// </summary>
internal sealed class Buildkite() : CiHost(Description)
{
    /// <summary>The annotation context the summary replaces on each publish.</summary>
    public const string SummaryContext = "pipeline-summary";

    /// <summary>
    /// The longest summary passed on the command line. The agent takes up to 1 MiB, but one argument is limited
    /// to 128 KiB on Linux and a whole command line to 32,767 characters on Windows.
    /// </summary>
    public const int MaximumSummaryLength = 30_000;

    internal static HostDescriptor Description { get; } = new()
    {
        Name = "buildkite",
        DisplayName = "Buildkite",
        Detection = new() { AllOf = [VariableTest.IsTrue("BUILDKITE")] },

        // BUILDKITE_PULL_REQUEST is "false" or the number; BUILDKITE_BRANCH is the source branch of a pull
        // request (BUILDKITE_PULL_REQUEST_BASE_BRANCH the target) and the tag name in a tag build. BUILDKITE_COMMIT
        // can be a symbolic name such as HEAD on a build started by hand; only a real SHA is taken, git resolves the rest.
        Identity = new()
        {
            PullRequest = [new("BUILDKITE_PULL_REQUEST", ValueForm.UnlessFalse)],
            SourceBranch = [new("BUILDKITE_BRANCH")],
            TargetBranch = [new("BUILDKITE_PULL_REQUEST_BASE_BRANCH")],
            Tag = [new("BUILDKITE_TAG")],
            Branch = [new("BUILDKITE_BRANCH")],
            Commit = [new("BUILDKITE_COMMIT", ValueForm.CommitSha)],
            BuildNumber = [new("BUILDKITE_BUILD_NUMBER")],
            BuildId = [new("BUILDKITE_BUILD_ID")],
            BuildUrl = [new("BUILDKITE_BUILD_URL")],
        },

        // Annotations: buildkite-agent annotate works at build level only (no file or line), and the summary
        // annotation already lists what failed, so failures are not annotated one by one.
        DefaultBranchVariable = "BUILDKITE_PIPELINE_DEFAULT_BRANCH",
        Capabilities = CapabilityTable.Of(runtime: [Groups, JobSummary, Outputs, Artifacts], configurationOnly: [Masking, Approvals]),

        // The person who unblocked a block step, else the one who started the build.
        ActorVariables = ["BUILDKITE_UNBLOCKER_EMAIL", "BUILDKITE_BUILD_CREATOR_EMAIL"],
        TriggeringActorVariables = ["BUILDKITE_BUILD_CREATOR_EMAIL", "BUILDKITE_BUILD_CREATOR"],
    };

    // "--- Title" opens a collapsed group; there is no close marker: a group ends at the next header.
    internal override IEnumerable<HostEffect> BeginGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"--- {HostText.OneLine(title)}")];
    }

    // buildkite-agent annotate [options] [body]: the agent parses flags with urfave/cli, which takes an argument
    // starting with "-" (a Markdown list) as a flag, so "--" ends the options before the body. The same context
    // again replaces the annotation.
    internal override IEnumerable<HostEffect> PublishSummary(string markdown, string summaryFile, HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var body = markdown.Length <= MaximumSummaryLength
            ? markdown
            : string.Concat(markdown.AsSpan(0, MaximumSummaryLength), $"\n\n_Summary truncated; the full text is in `{Path.GetFileName(summaryFile)}`._\n");
        return [new RunCommand("buildkite-agent", ["annotate", "--style", "info", "--context", SummaryContext, "--", body])];
    }

    // buildkite-agent meta-data set <key> <value>; later steps read it with meta-data get. The agent rejects an
    // empty or blank value, so those are left out.
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        [.. (outputs ?? [])
            .Where(o => !string.IsNullOrWhiteSpace(o.Value))
            .Select(o => new RunCommand("buildkite-agent", ["meta-data", "set", "--", o.Key, o.Value]))];

    // buildkite-agent artifact upload <pattern>: a path or a glob, which the agent expands itself.
    internal override IEnumerable<HostEffect> PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return [new RunCommand("buildkite-agent", ["artifact", "upload", path])];
    }
}
