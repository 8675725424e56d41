using System.Globalization;

namespace Pipeline.Resident;

/// <summary>Whether to use a resident runner (<c>PIPELINE_RUNNER</c>).</summary>
internal enum RunnerMode
{
    /// <summary>Unset or <c>auto</c>: on, except on a CI host, where a job usually runs one build on a fresh machine.</summary>
    Auto,

    /// <summary><c>on</c>: always, also on CI.</summary>
    On,

    /// <summary><c>off</c>: never; every run starts its own runtime, as without a client.</summary>
    Off,
}

/// <summary>The settings of the resident runner, read from the environment: <c>PIPELINE_RUNNER</c>, <c>PIPELINE_RUNNER_IDLE</c>.</summary>
internal sealed record RunnerSettings(RunnerMode Mode, TimeSpan IdleTimeout)
{
    /// <summary>How long a runner with nothing to do stays.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The settings, or the error that names the malformed variable.</summary>
    public static (RunnerSettings? Settings, string? Error) From(Func<string, string?> environment)
    {
        RunnerMode mode;
        switch (environment("PIPELINE_RUNNER")?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                mode = RunnerMode.Auto;
                break;
            case "on" or "true" or "1":
                mode = RunnerMode.On;
                break;
            case "off" or "false" or "0":
                mode = RunnerMode.Off;
                break;
            default:
                return (null, $"PIPELINE_RUNNER is '{environment("PIPELINE_RUNNER")}'; use on, off or auto.");
        }

        var idle = DefaultIdleTimeout;
        if (environment("PIPELINE_RUNNER_IDLE") is { Length: > 0 } text)
        {
            if (ParseDuration(text) is not { } parsed)
            {
                return (null, $"PIPELINE_RUNNER_IDLE is '{text}'; use a duration such as 90s, 10m or 1h.");
            }

            idle = parsed;
        }

        return (new RunnerSettings(mode, idle), null);
    }

    /// <summary>Whether this run goes through a resident runner.</summary>
    public bool Enabled(Func<string, string?> environment) => Mode switch
    {
        RunnerMode.On => true,
        RunnerMode.Off => false,
        _ => !CiDetection.IsCi(environment),
    };

    /// <summary><c>90s</c>, <c>10m</c>, <c>1h</c>; a bare number is minutes. Null when malformed, zero or negative.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], char.ToLowerInvariant(text[^1])) : (text, 'm');
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
    }
}
