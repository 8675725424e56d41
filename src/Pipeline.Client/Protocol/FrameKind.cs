namespace Pipeline.Resident;

/// <summary>
/// What a frame on the runner's socket carries. The client sends one <see cref="Request"/> (or one <see cref="Stop"/>),
/// then signals and resizes as they happen; the runner answers with output and error bytes as the run writes them
/// and ends with <see cref="Exit"/> (or at once with <see cref="Busy"/>).
/// </summary>
internal enum FrameKind : byte
{
    /// <summary>Client to runner: a <see cref="RunRequest"/>, the first frame of a run.</summary>
    Request = 1,

    /// <summary>Client to runner: the client got a signal; one byte, 2 (SIGINT) or 15 (SIGTERM).</summary>
    Signal = 2,

    /// <summary>Client to runner: the terminal's new width, an Int32.</summary>
    Resize = 3,

    /// <summary>Client to runner, instead of a request: stop the runner (<c>--stop-runner</c>). It answers with <see cref="Exit"/> 0.</summary>
    Stop = 4,

    /// <summary>
    /// Runner to client, before any output: it has taken the run. A connection lost before this frame ran nothing (the
    /// runner was leaving or died as the client connected), so the client may start another runner and ask again.
    /// </summary>
    Accepted = 9,

    /// <summary>Runner to client: bytes for the client's standard output.</summary>
    Output = 10,

    /// <summary>Runner to client: bytes for the client's standard error.</summary>
    Error = 11,

    /// <summary>Runner to client: the run's exit code, an Int32; the last frame.</summary>
    Exit = 12,

    /// <summary>Runner to client: it is running another build; the client runs this one in its own process. No payload.</summary>
    Busy = 13,

    /// <summary>Runner to client: it cannot take this request (another protocol version, another user); UTF-8 text saying why.</summary>
    Refused = 14,
}
