namespace Pipeline.Execution;

/// <summary>What the executor tells whoever presents the run (console, CI host, tests).</summary>
internal interface IRunObserver
{
    void TargetStarting(Target target);

    void TargetFinished(TargetResult result);
}
