namespace Pipeline.Delivery.Records;

/// <summary>A QA check's verdict (the check's name, as the script declared it), with what it found.</summary>
internal sealed record CheckVerdict(string Name, bool Passed, string Detail);
