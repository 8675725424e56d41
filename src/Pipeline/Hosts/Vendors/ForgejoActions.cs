namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Forgejo Actions: the Forgejo runner (a fork of Gitea's act_runner) sets both GITEA_ACTIONS=true and
/// FORGEJO_ACTIONS=true (internal/app/run/runner.go) besides the GitHub Actions variables, and behaves as Gitea
/// does here: Forgejo's Actions documentation describes no error annotations and no rendered job summary, so
/// neither is produced (https://forgejo.org/docs/latest/user/actions/).
/// </summary>
public sealed class ForgejoActions : GiteaActions
{
    public override string Name => "forgejo";

    public override string DisplayName => "Forgejo Actions";

    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsTrue("FORGEJO_ACTIONS");
    }
}
