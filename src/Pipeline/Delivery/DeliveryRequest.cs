namespace Pipeline.Delivery;

/// <summary>What the command line asks of deployments and releases.</summary>
internal sealed record DeliveryRequest
{
    /// <summary><c>--approve</c>: the person running this approves the candidate (recorded, bound to its digest).</summary>
    public bool Approve { get; init; }

    public string? Comment { get; init; }

    /// <summary><c>--dry-run</c>: judge every rule, print the verdicts, change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>--candidate VERSION|DIGEST</c>: release this recorded candidate instead of the current commit's.</summary>
    public string? Candidate { get; init; }

    /// <summary><c>--rollback-to VERSION</c>: promote the recorded bytes of an earlier release again.</summary>
    public string? RollbackTo { get; init; }

    /// <summary><c>--override-freeze REASON</c>.</summary>
    public string? FreezeOverrideReason { get; init; }

    /// <summary><c>--signing-key PATH</c>: the SSH key that signs an approval (else PIPELINE_SIGNING_KEY, else git's user.signingkey).</summary>
    public string? SigningKey { get; init; }

    /// <summary><c>--release-mode</c>, else <c>PIPELINE_RELEASE_MODE</c>; null leaves the script's choice (see <see cref="ModeChoice"/>).</summary>
    public ReleaseMode? Mode { get; init; }

    /// <summary>Where <see cref="Mode"/> came from, for the verdict: <c>--release-mode</c> or <c>PIPELINE_RELEASE_MODE</c>.</summary>
    public string? ModeSource { get; init; }
}
