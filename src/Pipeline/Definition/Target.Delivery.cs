using Pipeline.Delivery;

namespace Pipeline.Definition;

public sealed partial class Target
{
    internal DeliveryStep? Delivery { get; private set; }

    /// <summary>
    /// Deploys the release candidate in <paramref name="candidateFolder"/> (written by
    /// <see cref="Build.WriteReleaseManifest"/>) to <paramref name="environment"/> after verifying every file, then
    /// runs the environment's checks and records their verdict as evidence bound to the candidate's digest.
    /// </summary>
    public Target PublishesTo(DeliveryEnvironment environment, AbsolutePath candidateFolder, ReleasePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(candidateFolder);
        return SetDelivery(new Publication(this, environment, candidateFolder, policy ?? ReleasePolicy.ForQa()));
    }

    /// <summary>
    /// Promotes a candidate that passed <paramref name="from"/> to <paramref name="to"/>: the same bytes, verified by
    /// digest, never a rebuild, gated by <paramref name="policy"/> (default: continuous delivery, passed QA, no
    /// downgrade). When a candidate of the current commit has passed already, the stages that make one are skipped.
    /// </summary>
    public Target Promotes(DeliveryEnvironment from, DeliveryEnvironment to, ReleasePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return SetDelivery(new Promotion(this, from, to, policy ?? new ReleasePolicy()));
    }

    private Target SetDelivery(DeliveryStep step)
    {
        if (Delivery is not null)
        {
            throw new BuildDefinitionException($"Target '{Name}' already deploys to {Delivery.Environment.Name}; declare one deployment per target.");
        }

        Delivery = step;
        return AddAction((run, token) => step.RunAsync(run.Delivery ?? throw new InvalidOperationException($"Target '{Name}' deploys, which only works in a run started by Build.RunAsync."), token));
    }
}
