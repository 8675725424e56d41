using System.Text;

namespace Pipeline.Definition;

public partial class Build
{
    private readonly List<IParameter> _parameters = [];

    /// <summary>Every declared parameter, in declaration order.</summary>
    public IReadOnlyList<IParameter> Parameters => _parameters;

    /// <summary>
    /// Declares a typed parameter with a default. Supported types: string, bool (a flag), int, long, double,
    /// enums, <see cref="AbsolutePath"/>, and arrays or read-only lists of those.
    /// The environment variable defaults to <c>PIPELINE_NAME</c> (upper case, dashes as underscores).
    /// </summary>
    public Parameter<T> Parameter<T>(string name, T defaultValue, string description, string? environmentVariable = null) =>
        Add(new Parameter<T>(CheckName<T>(name), description, environmentVariable ?? DefaultEnvironmentVariable(name), true, defaultValue, false));

    /// <summary>
    /// Declares a typed parameter without a default that must be given: a scheduled target that
    /// <see cref="Definition.Target.Requires"/> it stops the run before any target starts when it is not.
    /// </summary>
    public Parameter<T> RequiredParameter<T>(string name, string description, string? environmentVariable = null) =>
        Add(new Parameter<T>(CheckName<T>(name), description, environmentVariable ?? DefaultEnvironmentVariable(name), false, default, false)).Required();

    /// <summary>
    /// Declares a secret string: its value is masked in every output, failing command lines and exceptions.
    /// Optional unless a target <see cref="Definition.Target.Requires"/> it or <see cref="Parameter{T}.Required"/> is called.
    /// </summary>
    public Parameter<string?> Secret(string name, string description, string? environmentVariable = null) =>
        Add(new Parameter<string?>(CheckName<string>(name), description, environmentVariable ?? DefaultEnvironmentVariable(name), false, null, true));

    internal static string DefaultEnvironmentVariable(string name)
    {
        var builder = new StringBuilder("PIPELINE_");
        foreach (var c in name)
        {
            builder.Append(c == '-' ? '_' : char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    private Parameter<T> Add<T>(Parameter<T> parameter)
    {
        DefinitionGuard.ThrowIfRunning($"Parameter '{parameter.Name}'");
        _parameters.Add(parameter);
        return parameter;
    }

    private string CheckName<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ParameterNames.IsValid(name))
        {
            throw new BuildDefinitionException(
                $"Parameter name '{name}' is not valid: use lower-case letters, digits and dashes, starting with a letter (e.g. 'api-key').");
        }

        if (ParameterNames.IsReserved(name))
        {
            throw new BuildDefinitionException($"Parameter name '{name}' is reserved for a Pipeline option; choose another.");
        }

        if (_parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BuildDefinitionException($"Parameter '{name}' is declared twice.");
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (!ParameterValueParser.IsSupported(type))
        {
            throw new BuildDefinitionException(
                $"Parameter '{name}' has type {typeof(T).Name}, which Pipeline cannot parse. Use string, bool, int, long, double, an enum, AbsolutePath, or an array of those.");
        }

        return name;
    }
}
