namespace Pipeline.Definition;

public sealed partial class Target
{
    private readonly List<string> _inputGlobs = [];
    private readonly List<string> _outputGlobs = [];
    private readonly List<IParameter> _inputParameters = [];
    private readonly List<string> _inputVariables = [];

    /// <summary>Globs (relative to the root, <c>!</c> excludes) of the files whose content decides this target's result.</summary>
    internal IReadOnlyList<string> InputGlobs => _inputGlobs;

    /// <summary>Globs (relative to the root, <c>!</c> excludes) of the files this target makes.</summary>
    internal IReadOnlyList<string> OutputGlobs => _outputGlobs;

    internal IReadOnlyList<IParameter> InputParameters => _inputParameters;

    internal IReadOnlyList<string> InputVariables => _inputVariables;

    /// <summary>Why this target's results are never stored in or restored from the build cache; null when they may be.</summary>
    internal string? CacheRefusal { get; private set; }

    /// <summary>Declares inputs or outputs, so its body is skipped when nothing it depends on changed.</summary>
    internal bool IsIncremental => _inputGlobs.Count > 0 || _outputGlobs.Count > 0;

    /// <summary>
    /// The files whose content decides this target's result: globs relative to the repository root
    /// (<c>src/**/*.cs</c>), a leading <c>!</c> excludes (<c>!**/obj/**</c>). With its outputs, they make the target
    /// incremental: when no input, declared value, dependency output or the script changed since its last successful
    /// run and its outputs are as that run left them, its body does not run.
    /// </summary>
    public Target Inputs(params string[] globs) => AddGlobs(_inputGlobs, globs, nameof(Inputs));

    /// <summary>
    /// The files this target makes: globs relative to the repository root, a leading <c>!</c> excludes. Checked
    /// before the target is judged up to date, and stored in the build cache so a fresh checkout restores them.
    /// </summary>
    public Target Outputs(params string[] globs) => AddGlobs(_outputGlobs, globs, nameof(Outputs));

    /// <summary>Parameters whose value changes this target's result: a different value reruns it.</summary>
    public Target InputValues(params IParameter[] parameters)
    {
        DefinitionGuard.ThrowIfRunning($"InputValues of target '{Name}'");
        ArgumentNullException.ThrowIfNull(parameters);
        _inputParameters.AddRange(parameters.Select(p => p ?? throw new BuildDefinitionException($"Target '{Name}' declares a null input value.")));
        return this;
    }

    /// <summary>Environment variables whose value changes this target's result: a different value (or unset) reruns it.</summary>
    public Target InputEnvironment(params string[] variables)
    {
        DefinitionGuard.ThrowIfRunning($"InputEnvironment of target '{Name}'");
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var variable in variables)
        {
            if (string.IsNullOrWhiteSpace(variable) || variable.Contains('='))
            {
                throw new BuildDefinitionException($"Target '{Name}' declares the input environment variable '{variable}', which is not a variable name.");
            }

            _inputVariables.Add(variable);
        }

        return this;
    }

    /// <summary>
    /// Keeps this target's results out of the build cache (it is still up to date when nothing changed here): for a
    /// result that depends on more than its declared inputs, such as tests that use the machine's own tools.
    /// </summary>
    public Target DoNotCache(string reason)
    {
        DefinitionGuard.ThrowIfRunning($"DoNotCache of target '{Name}'");
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CacheRefusal = reason;
        return this;
    }

    private Target AddGlobs(List<string> list, string[] globs, string verb)
    {
        DefinitionGuard.ThrowIfRunning($"{verb} of target '{Name}'");
        ArgumentNullException.ThrowIfNull(globs);
        foreach (var glob in globs)
        {
            var pattern = glob?.TrimStart('!') ?? string.Empty;
            if (string.IsNullOrWhiteSpace(pattern) || Path.IsPathRooted(pattern) || pattern.Split('/', '\\').Contains(".."))
            {
                throw new BuildDefinitionException(
                    $"Target '{Name}' declares {verb}(\"{glob}\"): a glob is relative to the repository root and stays inside it (\"src/**/*.cs\", \"!**/obj/**\").");
            }

            list.Add(glob!.Replace('\\', '/'));
        }

        return this;
    }
}
