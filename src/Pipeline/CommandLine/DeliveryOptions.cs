using System.CommandLine;
using Pipeline.Delivery;

namespace Pipeline.CommandLine;

/// <summary>The options of deployments and releases, read into a <see cref="DeliveryRequest"/>.</summary>
internal sealed class DeliveryOptions
{
    private readonly Option<bool> _approve = new("--approve");
    private readonly Option<string> _comment = new("--comment");
    private readonly Option<bool> _dryRun = new("--dry-run");
    private readonly Option<string> _candidate = new("--candidate");
    private readonly Option<string> _rollbackTo = new("--rollback-to");
    private readonly Option<string> _overrideFreeze = new("--override-freeze");
    private readonly Option<string> _releaseMode = new("--release-mode");
    private readonly Option<string> _signingKey = new("--signing-key");

    public Option<string> History { get; } = new("--history");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _approve, _comment, _dryRun, _candidate, _rollbackTo, _overrideFreeze, _releaseMode, _signingKey, History })
        {
            command.Add(option);
        }
    }

    public DeliveryRequest Read(ParseResult result)
    {
        var candidate = Text(result, _candidate);
        var rollbackTo = Text(result, _rollbackTo);
        if (candidate is not null && rollbackTo is not null)
        {
            throw new UsageException("--candidate and --rollback-to both pick the candidate; give one of them.");
        }

        var reason = Text(result, _overrideFreeze);
        if (result.GetResult(_overrideFreeze) is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("--override-freeze needs a reason, which goes into the ledger: --override-freeze \"INC-1234: fix for the outage\".");
        }

        return new DeliveryRequest
        {
            Approve = result.GetValue(_approve),
            Comment = Text(result, _comment),
            DryRun = result.GetValue(_dryRun),
            Candidate = candidate,
            RollbackTo = rollbackTo,
            FreezeOverrideReason = reason,
            SigningKey = Text(result, _signingKey),
            Mode = Text(result, _releaseMode) is { } mode ? ParseMode(mode, "--release-mode") : null,
            ModeSource = Text(result, _releaseMode) is null ? null : "--release-mode",
        };
    }

    /// <summary>An option's text; another option in its place (<c>--override-freeze --approve</c>) means the value was left out.</summary>
    private static string? Text(ParseResult result, Option<string> option)
    {
        var value = result.GetValue(option);
        return value is not null && value.StartsWith("--", StringComparison.Ordinal)
            ? throw new UsageException($"{option.Name} needs a value, but the next word is the option '{value}'.")
            : value;
    }

    /// <summary><c>delivery</c> or <c>deployment</c> (also <c>continuous-delivery</c>, <c>continuous-deployment</c>).</summary>
    public static ReleaseMode ParseMode(string text, string source) => text.Trim().ToLowerInvariant() switch
    {
        "delivery" or "continuous-delivery" => ReleaseMode.Delivery,
        "deployment" or "continuous-deployment" => ReleaseMode.Deployment,
        _ => throw new UsageException($"{source} must be 'delivery' (a person approves) or 'deployment' (released when every rule holds), got '{text}'."),
    };
}
