using System.Runtime.CompilerServices;

namespace Pipeline.Definition;

public sealed partial class Target
{
    private readonly List<TargetCondition> _conditions = [];
    private readonly List<IParameter> _requiredParameters = [];

    internal IReadOnlyList<TargetCondition> Conditions => _conditions;
    internal IReadOnlyList<IParameter> RequiredParameters => _requiredParameters;

    /// <summary>Runs even after another target failed: for teardown and clean-up.</summary>
    internal bool RunsAlways { get; private set; }

    /// <summary>A failure of this target is reported but does not fail the build.</summary>
    internal bool FailureAllowed { get; private set; }

    /// <summary>
    /// Runs the target only when <paramref name="condition"/> holds when its turn comes; otherwise it is
    /// skipped and the reason is shown. Without a reason, the condition's source text is shown.
    /// </summary>
    public Target OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string reason = "")
    {
        DefinitionGuard.ThrowIfRunning($"A condition of target '{Name}'");
        ArgumentNullException.ThrowIfNull(condition);
        _conditions.Add(new TargetCondition(condition, reason));
        return this;
    }

    /// <summary>Runs even when an earlier target failed (teardown, clean-up).</summary>
    public Target AlwaysRun()
    {
        DefinitionGuard.ThrowIfRunning($"AlwaysRun of target '{Name}'");
        RunsAlways = true;
        return this;
    }

    /// <summary>Lets this target fail without failing the build; its dependents still run.</summary>
    public Target AllowFailure()
    {
        DefinitionGuard.ThrowIfRunning($"AllowFailure of target '{Name}'");
        FailureAllowed = true;
        return this;
    }

    /// <summary>Fails the run before any target starts when a scheduled target lacks these parameters.</summary>
    public Target Requires(params IParameter[] parameters)
    {
        DefinitionGuard.ThrowIfRunning($"Requires of target '{Name}'");
        ArgumentNullException.ThrowIfNull(parameters);
        _requiredParameters.AddRange(parameters);
        return this;
    }
}

internal sealed record TargetCondition(Func<bool> Holds, string Reason);
