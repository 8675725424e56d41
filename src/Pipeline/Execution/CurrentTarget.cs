namespace Pipeline.Execution;

/// <summary>
/// The target whose body is running on each async flow of one run, so its output can be labelled. One per run:
/// two runs in one process (tests, a resident runner) never see each other's targets.
/// </summary>
internal sealed class CurrentTarget
{
    private readonly AsyncLocal<Target?> _running = new();

    public Target? Value => _running.Value;

    public void Set(Target? target) => _running.Value = target;
}
