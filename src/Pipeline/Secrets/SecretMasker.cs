namespace Pipeline.Secrets;

/// <summary>
/// The process-wide set of secret values and the one place that replaces them. Every writer Pipeline
/// installs, every command line it shows and every failure message passes through <see cref="Mask"/>.
/// </summary>
public static class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "****";

    // Values this short would mask ordinary text everywhere and protect nothing.
    private const int MinimumLength = 3;

    private static volatile string[] _secrets = [];
    private static readonly Lock Gate = new();

    /// <summary>Registers a value that must never be printed. Empty and very short values are ignored.</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (Gate)
        {
            if (!_secrets.Contains(secret))
            {
                // Longest first, so a secret that contains another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    /// <summary>The text with every registered secret replaced by <c>****</c>.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
