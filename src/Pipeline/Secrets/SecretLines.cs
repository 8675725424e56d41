namespace Pipeline.Secrets;

/// <summary>
/// How a secret is split for masking, in one place for Pipeline's masker and the hosts' own: a multi-line
/// secret (a key file) is often printed, and masked, line by line, so each of its lines is a secret too.
/// </summary>
internal static class SecretLines
{
    /// <summary>The shortest secret (or secret line) worth masking: masking <c>}</c> everywhere would protect nothing.</summary>
    public const int MinimumLength = 3;

    /// <summary>The secret's lines, trimmed, that are long enough to mask on their own.</summary>
    public static IEnumerable<string> Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= MinimumLength);
    }
}
