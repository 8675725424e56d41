namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Gitea Actions: a runner forked from nektos/act that sets the GitHub Actions variables and understands the
/// same workflow commands for groups, masks and step outputs. What differs (https://docs.gitea.com/usage/actions/comparison):
/// "Create an annotation for an error" and problem matchers are listed as missing, so nothing is annotated;
/// the job summary file is not documented as rendered, so none is written; environments (and so approvals)
/// are ignored. The run's page is addressed by the run's number in the repository (run.Index, which Gitea
/// passes as github.run_number), not by its id.
/// </summary>
public class GiteaActions : GitHubActions
{
    public override string Name => "gitea";

    public override string DisplayName => "Gitea Actions";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.Runtime),
        (HostCapability.Annotations, CapabilitySupport.None),
        (HostCapability.Masking, CapabilitySupport.Runtime),
        (HostCapability.JobSummary, CapabilitySupport.None),
        (HostCapability.Outputs, CapabilitySupport.Runtime),
        (HostCapability.Artifacts, CapabilitySupport.ConfigurationOnly),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.None));

    // The Forgejo runner sets GITEA_ACTIONS=true too; FORGEJO_ACTIONS tells it apart.
    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsTrue("GITEA_ACTIONS") && !environment.IsTrue("FORGEJO_ACTIONS");
    }

    public override IEnumerable<HostEffect> Annotate(Annotation annotation) => [];

    public override IEnumerable<HostEffect> PublishSummary(string markdown, string summaryFile, HostEnvironment environment) => [];

    protected override string? RunInUrl(HostEnvironment environment) => environment?["GITHUB_RUN_NUMBER"];
}
