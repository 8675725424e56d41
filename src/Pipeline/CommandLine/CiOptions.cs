using System.CommandLine;
using Pipeline.CiGeneration;

namespace Pipeline.CommandLine;

/// <summary>The options that write, check and use the generated CI files, read into a <see cref="CiRequest"/>.</summary>
internal sealed class CiOptions
{
    private readonly Option<bool> _generate = new("--generate-ci");
    private readonly Option<bool> _check = new("--check-ci");
    private readonly Option<string> _verifyArtifact = new("--verify-artifact");
    private readonly Option<string> _expectDigest = new("--expect-digest");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _generate, _check, _verifyArtifact, _expectDigest })
        {
            command.Add(option);
        }
    }

    /// <summary>What the command line asks of the CI files; null when it asks nothing of them.</summary>
    public CiRequest? Read(ParseResult result)
    {
        var generate = result.GetValue(_generate);
        var check = result.GetValue(_check);
        var artifact = result.GetResult(_verifyArtifact) is null ? null : result.GetValue(_verifyArtifact) ?? string.Empty;
        var digest = result.GetResult(_expectDigest) is null ? null : result.GetValue(_expectDigest) ?? string.Empty;
        if ((generate ? 1 : 0) + (check ? 1 : 0) + (artifact is null ? 0 : 1) > 1)
        {
            throw new UsageException("--generate-ci, --check-ci and --verify-artifact each do one thing: give one of them.");
        }

        if (digest is not null && artifact is null)
        {
            throw new UsageException("--expect-digest goes with --verify-artifact PATH.");
        }

        if (artifact is not null)
        {
            if (string.IsNullOrWhiteSpace(artifact) || artifact.StartsWith('-'))
            {
                throw new UsageException("--verify-artifact needs the folder of the downloaded candidate: --verify-artifact artifacts/packages --expect-digest sha256:HEX.");
            }

            if (string.IsNullOrWhiteSpace(digest))
            {
                throw new UsageException(
                    "--verify-artifact needs --expect-digest sha256:HEX, the digest the job that made the candidate exported; an empty value means that job's output did not arrive, which is a failure, not a pass.");
            }

            return new CiRequest.VerifyArtifact(artifact, digest.Trim());
        }

        return generate ? new CiRequest.Generate() : check ? new CiRequest.Check() : null;
    }
}
