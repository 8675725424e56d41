namespace Pipeline.Delivery;

/// <summary>
/// How a promotion's release mode was chosen: the script's policy is the ceiling. <c>--release-mode</c> or
/// <c>PIPELINE_RELEASE_MODE</c> (<see cref="Source"/>) may make it stricter (deployment to delivery); making it
/// weaker needs <see cref="ReleasePolicy.AllowModeOverride"/>, and otherwise the script's mode stays and the
/// <c>release-mode</c> rule refuses, so the attempt is judged and recorded like any other refusal.
/// </summary>
internal sealed record ModeChoice(ReleaseMode Script, ReleaseMode? Requested, string? Source, bool OverrideAllowed)
{
    public static ModeChoice Of(ReleasePolicy policy, DeliveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        return new(policy.Mode, request.Mode, request.ModeSource, policy.ModeOverrideAllowed);
    }

    /// <summary>The request asks for a person-free release where the script wants a person.</summary>
    public bool Weakens => Script == ReleaseMode.Delivery && Requested == ReleaseMode.Deployment;

    public bool Refused => Weakens && !OverrideAllowed;

    /// <summary>The mode the pass is judged in: the request's, unless it may not weaken the script's.</summary>
    public ReleaseMode Effective => Requested is { } requested && !Refused ? requested : Script;

    public static string Describe(ReleaseMode mode) => mode == ReleaseMode.Delivery ? "continuous delivery" : "continuous deployment";
}
