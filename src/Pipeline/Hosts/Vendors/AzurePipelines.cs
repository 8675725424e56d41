using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Azure Pipelines: logging commands on standard output (<c>##[group]</c>, <c>##vso[task.logissue]</c>,
/// <c>##vso[task.setsecret]</c>, <c>##vso[artifact.upload]</c>, …), which cover every capability at run time
/// except approvals (environment checks, configured in Azure DevOps).
/// Syntax: https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands
/// </summary>
internal sealed class AzurePipelines() : CiHost(Description)
{
    /// <summary>The artifact (and container folder) that <see cref="PublishArtifact"/> uploads into.</summary>
    public const string ArtifactName = "pipeline";

    internal static HostDescriptor Description { get; } = new()
    {
        Name = "azure-pipelines",
        DisplayName = "Azure Pipelines",

        // The agent sets TF_BUILD=True and no CI variable.
        Detection = new() { AllOf = [VariableTest.IsTrue("TF_BUILD")] },

        // BUILD_SOURCEBRANCH is the full ref (refs/heads/feature/login, refs/tags/v1.2.0, refs/pull/42/merge);
        // BUILD_SOURCEBRANCHNAME keeps only the last segment ("login") and is not used. Pull requests are read in
        // code (see ReadIdentity).
        Identity = new()
        {
            Ref = "BUILD_SOURCEBRANCH",
            Commit = [new("BUILD_SOURCEVERSION")],
            BuildNumber = [new("BUILD_BUILDNUMBER")],
            BuildId = [new("BUILD_BUILDID")],
        },
        Capabilities = CapabilityTable.Of(
            runtime: [Groups, Annotations, Masking, JobSummary, Outputs, Artifacts, BuildNumber],
            configurationOnly: [Approvals]),
        ActorVariables = ["BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR"],
        TriggeringActorVariables = ["BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR"],
    };

    // A pull request build is one whose reason says so or that has a pull request id. The pull request branch
    // variables are documented as full refs but arrive short from GitHub (env-ci), so both forms are read.
    // SYSTEM_PULLREQUEST_PULLREQUESTNUMBER is the number people see for GitHub (whose PULLREQUESTID is an
    // internal id); Azure Repos sets only PULLREQUESTID, which is its number and also appears in the ref. The
    // run's page needs the project's name escaped.
    internal override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        var identity = base.ReadIdentity(environment);
        var reference = environment["BUILD_SOURCEBRANCH"];
        var isPullRequest = environment["BUILD_REASON"] == "PullRequest" || environment["SYSTEM_PULLREQUEST_PULLREQUESTID"] is not null;
        var number = isPullRequest
            ? environment["SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"] ?? Refs.PullRequestNumber(reference) ?? environment["SYSTEM_PULLREQUEST_PULLREQUESTID"]
            : null;
        identity = identity with
        {
            BuildUrl = environment["SYSTEM_COLLECTIONURI"] is { } collection && environment["SYSTEM_TEAMPROJECT"] is { } project && identity.BuildId is { } buildId
                ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={buildId}"
                : null,
        };
        if (number is null)
        {
            return identity with { Ref = reference };
        }

        var pullRequest = new PullRequest(number, Refs.BranchName(environment["SYSTEM_PULLREQUEST_SOURCEBRANCH"]), Refs.BranchName(environment["SYSTEM_PULLREQUEST_TARGETBRANCH"]));
        return identity with { Ref = Refs.PullRequest(number), Branch = pullRequest.SourceBranch, Tag = null, PullRequest = pullRequest };
    }

    internal override IEnumerable<HostEffect> BeginGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"##[group]{HostText.OneLine(title)}")];
    }

    internal override IEnumerable<HostEffect> EndGroup(string title) => [new PrintLine("##[endgroup]")];

    // ##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C]message; the title has no
    // property of its own (code= is an error code), so it leads the message.
    internal override IEnumerable<HostEffect> Annotate(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        string[] properties =
        [
            annotation.Level == AnnotationLevel.Error ? "type=error" : "type=warning",
            .. HostText.Location(annotation, "sourcepath", "linenumber", "columnnumber").Select(p => $"{p.Key}={EscapeProperty(p.Value)}"),
        ];
        return [new PrintLine($"##vso[task.logissue {string.Join(';', properties)}]{EscapeData(HostText.Describe(annotation, withLocation: false))}")];
    }

    // ##vso[task.setsecret]value is the documented command for this ("the value is masked out from the logs
    // from this point forward"); unlike task.setvariable with issecret=true it creates no pipeline variable.
    internal override IEnumerable<HostEffect> RegisterSecret(string value) =>
        [.. HostText.SecretParts(value ?? string.Empty).Select(part => new PrintLine($"##vso[task.setsecret]{EscapeData(part)}", Raw: true))];

    // ##vso[task.uploadsummary]<absolute path to a .md file> attaches it to the run's Extensions tab.
    internal override IEnumerable<HostEffect> PublishSummary(string markdown, string summaryFile, HostEnvironment environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(summaryFile);
        return [new PrintLine($"##vso[task.uploadsummary]{EscapeData(summaryFile)}")];
    }

    // isoutput=true makes the value readable from later jobs as dependencies.<job>.outputs['<step>.<name>'].
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        [.. (outputs ?? []).Select(o => new PrintLine($"##vso[task.setvariable variable={EscapeProperty(o.Key)};isoutput=true]{EscapeData(o.Value)}"))];

    internal override IEnumerable<HostEffect> PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return [new PrintLine($"##vso[artifact.upload containerfolder={ArtifactName};artifactname={ArtifactName}]{EscapeData(path)}")];
    }

    internal override IEnumerable<HostEffect> SetBuildNumber(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return [new PrintLine($"##vso[build.updatebuildnumber]{EscapeData(version)}")];
    }

    // The escapes of Microsoft's own task library (azure-pipelines-task-lib, taskcommand.ts), which the agent
    // decodes: % CR LF in the message, and besides ; and ] in property values.
    private static string EscapeData(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace("]", "%5D", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);
}
