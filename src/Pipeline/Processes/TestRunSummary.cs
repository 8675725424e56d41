using Pipeline.Execution;

namespace Pipeline.Processes;

/// <summary>Counts of a test run, read from its TRX reports.</summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped)
{
    /// <summary>The line CI reads: <c>Test: N passed, N failed</c>.</summary>
    public string ToClosingLine() => $"Test: {Passed} passed, {Failed} failed";

    /// <summary>Throws when any test failed, so the target fails after the counts were reported.</summary>
    public void ThrowIfFailed()
    {
        if (Failed > 0)
        {
            throw new TestsFailedException($"{Failed} test(s) failed ({Passed} passed).");
        }
    }
}

/// <summary>Tests ran and some failed.</summary>
public sealed class TestsFailedException : Exception, IExplainedFailure
{
    public TestsFailedException(string message)
        : base(message)
    {
    }

    public TestsFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TestsFailedException()
    {
    }
}
