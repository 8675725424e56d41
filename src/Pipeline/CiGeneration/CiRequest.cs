namespace Pipeline.CiGeneration;

/// <summary>What the command line asks of the generated CI files instead of running targets.</summary>
internal abstract record CiRequest
{
    /// <summary><c>--generate-ci</c>: write every declared host's file.</summary>
    public sealed record Generate : CiRequest;

    /// <summary><c>--check-ci</c>: change nothing; fail naming each stale or missing file.</summary>
    public sealed record Check : CiRequest;

    /// <summary><c>--verify-artifact PATH --expect-digest D</c>: a downloaded candidate is the one its job made.</summary>
    public sealed record VerifyArtifact(string Path, string ExpectedDigest) : CiRequest;
}
