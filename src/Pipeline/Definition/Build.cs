namespace Pipeline.Definition;

/// <summary>
/// A build: the targets and parameters a script declares, and the entry point that runs what the command
/// line asks for. In <c>build/build.csx</c> its members are in scope directly (<c>Target("Compile")</c>);
/// a console project creates one and ends with <c>return await build.RunAsync(args);</c>.
/// </summary>
public partial class Build
{
    private readonly List<Target> _targets = [];
    private readonly Dictionary<string, Target> _targetsByName = new(StringComparer.OrdinalIgnoreCase);

    public Build()
        : this(AbsolutePath.From(Directory.GetCurrentDirectory()))
    {
    }

    public Build(AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
    }

    /// <summary>The repository root; the runner also makes it the current directory.</summary>
    public AbsolutePath Root { get; }

    /// <summary>
    /// Where the user typed the command. Relative paths given on the command line or in the environment
    /// (path parameters, <c>--summary-json</c>) resolve against it; paths in the script against <see cref="Root"/>.
    /// </summary>
    public AbsolutePath InvocationDirectory { get; init; } = AbsolutePath.From(Directory.GetCurrentDirectory());

    /// <summary>Every declared target, in declaration order.</summary>
    public IReadOnlyList<Target> Targets => _targets;

    /// <summary>The target run when the command line names none.</summary>
    public Target? DefaultTarget { get; private set; }

    /// <summary>Declares a target. The name is what users type; it must be unique, ignoring case.</summary>
    public Target Target(string name)
    {
        DefinitionGuard.ThrowIfRunning($"Target '{name}'");
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith('-') || name.Any(char.IsWhiteSpace))
        {
            throw new BuildDefinitionException($"Target name '{name}' cannot start with '-' or contain spaces.");
        }

        if (_targetsByName.TryGetValue(name, out var existing))
        {
            throw new BuildDefinitionException($"Target '{name}' is declared twice (first as '{existing.Name}').");
        }

        var target = new Target(name, _targets.Count);
        _targets.Add(target);
        _targetsByName.Add(name, target);
        return target;
    }

    /// <summary>Makes <paramref name="target"/> the one run when no target is named.</summary>
    public Target Default(Target target)
    {
        DefinitionGuard.ThrowIfRunning("The default target");
        ArgumentNullException.ThrowIfNull(target);
        DefaultTarget = target;
        return target;
    }

    internal Target? FindTarget(string name) => _targetsByName.GetValueOrDefault(name);
}
