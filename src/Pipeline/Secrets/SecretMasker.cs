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

    /// <summary>Raised for each newly registered value, so a CI host can be told to mask it too.</summary>
    internal static event Action<string>? Registered;

    /// <summary>Every value registered so far (longest first).</summary>
    internal static IReadOnlyList<string> Values => _secrets;

    /// <summary>Registers a value that must never be printed. Empty and very short values are ignored.</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        // A multi-line secret (a key file) is often printed line by line, so each line is a secret too.
        var parts = secret.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= MinimumLength).Append(secret);
        string[] added;
        lock (Gate)
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
