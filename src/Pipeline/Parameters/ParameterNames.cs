namespace Pipeline.Parameters;

/// <summary>The rules for parameter names, and the option names Pipeline keeps for itself.</summary>
internal static class ParameterNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "help", "h", "plan", "json", "parallel", "keep-going", "skip", "only", "summary-json", "script", "version", "host",
        "approve", "comment", "dry-run", "candidate", "rollback-to", "override-freeze", "release-mode", "history", "signing-key",
    };

    public static bool IsValid(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) &&
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !name.EndsWith('-');

    public static bool IsReserved(string name) => Reserved.Contains(name);
}
