namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Forgejo Actions: the Forgejo runner (a fork of Gitea's act_runner) sets both GITEA_ACTIONS=true and
/// FORGEJO_ACTIONS=true (internal/app/run/runner.go) besides the GitHub Actions variables, and behaves as Gitea
/// does here: Forgejo's Actions documentation describes no error annotations and no rendered job summary, so
/// neither is produced (https://forgejo.org/docs/latest/user/actions/).
/// </summary>
internal sealed class ForgejoActions() : GiteaActions(Description)
{
    internal static new HostDescriptor Description { get; } = GiteaActions.Description with
    {
        Name = "forgejo",
        DisplayName = "Forgejo Actions",
        Detection = new() { AllOf = [VariableTest.IsTrue("FORGEJO_ACTIONS")] },
    };
}
