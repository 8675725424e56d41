namespace Pipeline.Definition;

/// <summary>
/// A target of the build: a typed value declared once with <see cref="Build.Target(string)"/>.
/// Other targets refer to it by value, so a misspelt reference is a compile error, not a run-time surprise.
/// The fluent verbs live in the partial files beside this one, one concern each.
/// </summary>
public sealed partial class Target
{
    internal Target(string name, int declarationIndex)
    {
        Name = name;
        DeclarationIndex = declarationIndex;
    }

    /// <summary>The name used on the command line (matched case-insensitively).</summary>
    public string Name { get; }

    /// <summary>Position in the script; the planner orders ready targets by it.</summary>
    internal int DeclarationIndex { get; }

    internal string? DescriptionText { get; private set; }

    internal bool IsHidden { get; private set; }

    /// <summary>Describes the target in <c>--help</c> and <c>--plan</c>.</summary>
    public Target Description(string text)
    {
        DefinitionGuard.ThrowIfRunning($"The description of target '{Name}'");
        DescriptionText = text;
        return this;
    }

    /// <summary>Leaves the target out of <c>--help</c>; it can still be run by name.</summary>
    public Target Hidden()
    {
        DefinitionGuard.ThrowIfRunning($"Hidden of target '{Name}'");
        IsHidden = true;
        return this;
    }

    public override string ToString() => Name;
}
