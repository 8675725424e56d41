namespace Pipeline.Execution;

/// <summary>Passes every event on, and hands each finished result to <paramref name="record"/> first (for steps that read earlier results).</summary>
internal sealed class ResultRecordingObserver(IRunObserver inner, Action<TargetResult> record) : IRunObserver
{
    public void TargetStarting(Target target) => inner.TargetStarting(target);

    public void TargetFinished(TargetResult result)
    {
        record(result);
        inner.TargetFinished(result);
    }
}
