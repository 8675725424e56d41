namespace Pipeline.Delivery.Identities;

/// <summary>
/// One entry of a run's review history on GitHub ("Get the review history for a workflow run"): the reviewer's
/// login, the state (<c>approved</c>, <c>rejected</c> or <c>pending</c>), the environments it was given for, and
/// the reviewer's comment.
/// </summary>
internal sealed record EnvironmentReview(string Reviewer, string State, IReadOnlyList<string> Environments, string? Comment)
{
    public const string Approved = "approved";

    /// <summary>The environment's name as GitHub spells it, when this review was given for it (names compared without case, as GitHub does).</summary>
    public string? NameOf(string environment) =>
        Environments.FirstOrDefault(name => string.Equals(name, environment, StringComparison.OrdinalIgnoreCase));

    /// <summary>An approval of a deployment to <paramref name="environment"/>.</summary>
    public bool Approves(string environment) => State == Approved && NameOf(environment) is not null;
}
