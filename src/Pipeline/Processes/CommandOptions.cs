namespace Pipeline.Processes;

/// <summary>How <see cref="Cmd"/> runs a command.</summary>
public sealed record CommandOptions
{
    /// <summary>The directory the command runs in; the current directory (the repository root) when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Kills the command (and its children) and fails when it runs longer.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Return non-zero exit codes in the result instead of throwing.</summary>
    public bool AllowNonZeroExitCode { get; init; }

    /// <summary>Keep the command's output out of the log; it is still captured in the result.</summary>
    public bool Quiet { get; init; }

    /// <summary>What to log for each output line (null: nothing); the line itself is still captured. For helpers that summarise a tool's output.</summary>
    internal Func<string, string?>? LogLine { get; init; }

    /// <summary>Text written to the command's standard input (which is closed after it); none when null.</summary>
    internal string? StandardInput { get; init; }
}

/// <summary>What a finished command produced.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration);
