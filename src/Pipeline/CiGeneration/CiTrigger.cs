namespace Pipeline.CiGeneration;

/// <summary>What starts a generated pipeline.</summary>
internal abstract record CiTrigger
{
    /// <summary>When the script names no trigger: pushes to the default branch, pull requests, version tags, by hand.</summary>
    public static IReadOnlyList<CiTrigger> Defaults { get; } = [new Push([]), new PullRequests(), new Tags("v*"), new Manual()];

    /// <summary>A push to one of <paramref name="Branches"/>; none means the default branch.</summary>
    public sealed record Push(IReadOnlyList<string> Branches) : CiTrigger;

    /// <summary>A pull or merge request into the default branch.</summary>
    public sealed record PullRequests : CiTrigger;

    /// <summary>A pushed tag matching <paramref name="Pattern"/>.</summary>
    public sealed record Tags(string Pattern) : CiTrigger;

    /// <summary>Started by hand.</summary>
    public sealed record Manual : CiTrigger;

    /// <summary>On the default branch, by <paramref name="Cron"/> (UTC).</summary>
    public sealed record Schedule(string Cron) : CiTrigger;
}
