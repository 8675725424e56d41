using Pipeline.Hosts;

namespace Pipeline.Delivery;

/// <summary>
/// Who is acting: on a CI host, the user the host says started or unblocked the run; on a laptop, git's
/// <c>user.email</c>. The source is recorded with the identity, so an audit can weigh it.
/// </summary>
internal sealed record Approver(string Identity, string Source)
{
    /// <summary>The identity, or null when neither the host nor git says who this is.</summary>
    public static async Task<Approver?> FindAsync(CiHost host, HostEnvironment environment, AbsolutePath repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var variable in host.Descriptor.ActorVariables)
        {
            if (environment[variable] is { } actor)
            {
                return new Approver(actor, variable);
            }
        }

        return await GitOutput.ReadAsync(repository, cancellationToken, "config", "user.email").ConfigureAwait(false) is { } email ? new Approver(email, "git config user.email") : null;
    }

    /// <summary>Everyone the host names as having started or re-run this run, each with the variable that says so.</summary>
    public static IReadOnlyList<Approver> TriggeredBy(CiHost host, HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(environment);

        // In a job a person started by hand the variables name that person, the approver: who started the run is
        // not told, and the commit authors are still compared (separation of duties).
        if (host.Descriptor.ManualJobVariable is { } manual && string.Equals(environment[manual], "true", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return [.. host.Descriptor.TriggeringActorVariables.Select(variable => environment[variable] is { Length: > 0 } who ? new Approver(who, variable) : null).OfType<Approver>()];
    }
}
