namespace Pipeline.Secrets;

/// <summary>
/// One run's set of secret values and the one place that replaces them. Every writer the run installs, every
/// command line it shows and every failure message passes through <see cref="Apply"/>.
/// </summary>
internal sealed class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "****";

    private readonly Lock _gate = new();
    private volatile string[] _secrets = [];

    /// <summary>Raised for each newly registered value, so the run can tell its CI host to mask it too.</summary>
    internal event Action<string>? Registered;

    /// <summary>Every value registered so far (longest first).</summary>
    internal IReadOnlyList<string> Values => _secrets;

    /// <summary>Registers a value that must never be printed. Empty and very short values are ignored.</summary>
    public void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < SecretLines.MinimumLength)
        {
            return;
        }

        var parts = SecretLines.Of(secret).Append(secret);
        string[] added;
        lock (_gate)
        {
            added = [.. parts.Except(_secrets)];

            // Longest first, so a secret that contains another is masked whole.
            _secrets = [.. _secrets.Union(parts).OrderByDescending(s => s.Length)];
        }

        foreach (var value in added)
        {
            Registered?.Invoke(value);
        }
    }

    /// <summary>The text with every registered secret replaced by <c>****</c>.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// How much of a text written in pieces can be masked and written out now: everything but a tail that could
    /// be the start of a secret whose rest has not been written yet. A secret seen whole is never cut at the end
    /// of that length, so masking the part and the tail apart masks the same as masking them together.
    /// </summary>
    internal int WritableLength(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = _secrets;
        if (secrets.Length == 0)
        {
            return text.Length;
        }

        var end = StartOfUnfinishedSecret(text, secrets);

        // Move the end before any whole secret that reaches across it, until none does.
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var secret in secrets)
            {
                var from = Math.Max(0, end - secret.Length + 1);
                var found = text.IndexOf(secret, from, StringComparison.Ordinal);
                if (found >= 0 && found < end && found + secret.Length > end)
                {
                    end = found;
                    moved = true;
                }
            }
        }

        return end;
    }

    /// <summary>Where the earliest tail starts that is the beginning, but not the whole, of a secret.</summary>
    private static int StartOfUnfinishedSecret(string text, string[] secrets)
    {
        var longest = secrets[0].Length;
        for (var start = Math.Max(0, text.Length - longest + 1); start < text.Length; start++)
        {
            var tail = text.AsSpan(start);
            foreach (var secret in secrets)
            {
                if (secret.Length > tail.Length && secret.AsSpan().StartsWith(tail, StringComparison.Ordinal))
                {
                    return start;
                }
            }
        }

        return text.Length;
    }
}
