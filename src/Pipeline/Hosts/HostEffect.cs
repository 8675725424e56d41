namespace Pipeline.Hosts;

/// <summary>
/// One thing a host asks Pipeline to do to talk to it: print a line of its protocol, append to a file it
/// reads, or run its agent's command. Hosts only describe effects; the host channel carries them
/// out, so every host's protocol can be tested without a host.
/// </summary>
internal abstract record HostEffect;

/// <summary>A protocol line on standard output. A raw line bypasses secret masking (it may register a secret).</summary>
internal sealed record PrintLine(string Text, bool Raw = false) : HostEffect;

/// <summary>Text appended to a file the host reads after the step (job summary, outputs).</summary>
internal sealed record AppendToFile(string Path, string Text) : HostEffect;

/// <summary>A command of the host's agent (buildkite-agent, appveyor), run and awaited.</summary>
internal sealed record RunCommand(string Program, IReadOnlyList<string> Arguments) : HostEffect;

/// <summary>Something the host's protocol could not carry, told to the user as a warning on standard error.</summary>
internal sealed record HostWarning(string Text) : HostEffect;
