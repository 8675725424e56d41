namespace Pipeline.Execution;

/// <summary>The target whose body is running on this async flow, so its output can be labelled.</summary>
internal static class CurrentTarget
{
    private static readonly AsyncLocal<Target?> Running = new();

    public static Target? Value => Running.Value;

    public static void Set(Target? target) => Running.Value = target;
}
