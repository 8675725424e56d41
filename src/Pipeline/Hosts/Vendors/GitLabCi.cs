using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// GitLab CI/CD: collapsible sections in the job log, and step outputs through a dotenv report. Annotations
/// (Code Quality reports, <c>allow_failure:exit_codes</c>), masked variables, artifacts and approvals
/// (protected environments) are all declared in <c>.gitlab-ci.yml</c>.
/// </summary>
/// <param name="time">The clock for section timestamps (GitLab shows each section's duration from them); the system clock by default.</param>
internal sealed class GitLabCi(TimeProvider? time = null) : CiHost(Description)
{
    /// <summary>
    /// Where <see cref="SetOutputs"/> writes <c>KEY=VALUE</c> lines, under <c>$CI_PROJECT_DIR</c>. The job must
    /// declare it for later jobs to get the values:
    /// <code>
    /// artifacts:
    ///   reports:
    ///     dotenv: artifacts/pipeline.env
    /// </code>
    /// It is kept apart from <c>artifacts/outputs.env</c> because GitLab's parser is strict (no comments, no empty
    /// lines, no quoting, no multi-line values; https://docs.gitlab.com/ci/variables/dotenv_variables) and
    /// rejects the whole report over one bad line.
    /// </summary>
    public const string DotEnvPath = "artifacts/pipeline.env";

    private const char Escape = '\u001b';

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    internal static HostDescriptor Description { get; } = new()
    {
        Name = "gitlab",
        DisplayName = "GitLab CI/CD",
        Detection = new() { AllOf = [VariableTest.IsTrue("GITLAB_CI")] },

        // CI_COMMIT_BRANCH is unset in tag pipelines and in merge request pipelines; CI_COMMIT_REF_NAME is the
        // branch or the tag. The MR number is the project-scoped IID (what people see as !42), not CI_MERGE_REQUEST_ID.
        Identity = new()
        {
            PullRequest = [new("CI_MERGE_REQUEST_IID")],
            SourceBranch = [new("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")],
            TargetBranch = [new("CI_MERGE_REQUEST_TARGET_BRANCH_NAME")],
            Tag = [new("CI_COMMIT_TAG")],
            Branch = [new("CI_COMMIT_BRANCH"), new("CI_COMMIT_REF_NAME")],
            Commit = [new("CI_COMMIT_SHA")],
            BuildNumber = [new("CI_PIPELINE_IID")],
            BuildId = [new("CI_PIPELINE_ID")],
            BuildUrl = [new("CI_PIPELINE_URL")],
        },
        DefaultBranchVariable = "CI_DEFAULT_BRANCH",
        Capabilities = CapabilityTable.Of(runtime: [Groups, Outputs], configurationOnly: [Annotations, Masking, Artifacts, Approvals]),
        ActorVariables = ["GITLAB_USER_EMAIL", "GITLAB_USER_LOGIN"],
        TriggeringActorVariables = ["GITLAB_USER_LOGIN", "GITLAB_USER_EMAIL"],
        ManualJobVariable = "CI_JOB_MANUAL",
    };

    // \e[0Ksection_start:<unix time>:<name>[collapsed=true]\r\e[0K<header> … \e[0Ksection_end:<unix time>:<name>\r\e[0K
    // (https://docs.gitlab.com/ci/jobs/job_logs/#custom-collapsible-sections). The name is derived from the
    // title the same way at both ends, so the end marker closes the section the start marker opened.
    internal override IEnumerable<HostEffect> BeginGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"{Escape}[0Ksection_start:{UnixTime()}:{HostText.SectionName(title)}[collapsed=true]\r{Escape}[0K{HostText.OneLine(title)}")];
    }

    internal override IEnumerable<HostEffect> EndGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"{Escape}[0Ksection_end:{UnixTime()}:{HostText.SectionName(title)}\r{Escape}[0K")];
    }

    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = environment["CI_PROJECT_DIR"] is { } projectDirectory
            ? Path.Combine(projectDirectory, "artifacts", "pipeline.env")
            : DotEnvPath;
        return HostText.DotEnvEffects(path, outputs, DisplayName);
    }

    private long UnixTime() => _time.GetUtcNow().ToUnixTimeSeconds();
}
