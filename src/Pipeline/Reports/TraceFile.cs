using Pipeline.Execution;

namespace Pipeline.Reports;

/// <summary><c>--trace FILE</c>: the run as Chrome trace-event JSON for Perfetto and chrome://tracing (owned by issue 14, part C).</summary>
internal static class TraceFile
{
    public static string Render(RunResult result, IReadOnlyList<ProcessSpan> processes) => throw new NotImplementedException("issue 14 part C");
}
