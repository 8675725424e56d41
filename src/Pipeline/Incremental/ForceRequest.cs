namespace Pipeline.Incremental;

/// <summary><c>--force</c> (every incremental target runs) or <c>--force T[,U]</c> (those targets run).</summary>
internal sealed record ForceRequest(bool All, IReadOnlyList<string> TargetNames)
{
    public static ForceRequest None { get; } = new(false, []);

    public bool Covers(Target target) => All || TargetNames.Contains(target.Name, StringComparer.OrdinalIgnoreCase);
}
