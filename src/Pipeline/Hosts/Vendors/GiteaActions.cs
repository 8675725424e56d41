using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Gitea Actions: a runner forked from nektos/act that sets the GitHub Actions variables and understands the
/// same workflow commands for groups, masks and step outputs, so it is GitHub Actions with its own descriptor.
/// What differs (https://docs.gitea.com/usage/actions/comparison): "Create an annotation for an error" and
/// problem matchers are listed as missing, so nothing is annotated; the job summary file is not documented as
/// rendered, so none is written; environments (and so approvals) are ignored.
/// </summary>
internal class GiteaActions : GitHubActions
{
    public GiteaActions() : this(Description) { }

    private protected GiteaActions(HostDescriptor descriptor) : base(descriptor) { }

    internal static new HostDescriptor Description { get; } = GitHubActions.Description with
    {
        Name = "gitea",
        DisplayName = "Gitea Actions",

        // The Forgejo runner sets GITEA_ACTIONS=true too; FORGEJO_ACTIONS tells it apart.
        Detection = new() { AllOf = [VariableTest.IsTrue("GITEA_ACTIONS")], NoneOf = [VariableTest.IsTrue("FORGEJO_ACTIONS")] },

        // The run's page is addressed by the run's number in the repository (run.Index, which Gitea passes as
        // github.run_number), not by its id.
        Identity = GitHubActions.Description.Identity with
        {
            BuildUrlTemplate = new("{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}/actions/runs/{GITHUB_RUN_NUMBER}"),
        },
        Capabilities = CapabilityTable.Of(runtime: [Groups, Masking, Outputs], configurationOnly: [Artifacts]),

        // Environments are ignored, so no run waits for a review and none is recorded.
        RunReviewsUrl = null,
    };
}
