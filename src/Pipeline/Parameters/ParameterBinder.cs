using Pipeline.CommandLine;
using Pipeline.Secrets;

namespace Pipeline.Parameters;

/// <summary>
/// Gives every parameter its value before any target runs. Sources, first found wins: the command line,
/// the parameter's environment variable, its default. All problems are collected and reported together.
/// </summary>
internal static class ParameterBinder
{
    public static ParameterValues Bind(
        IReadOnlyList<IParameter> parameters,
        IReadOnlyDictionary<IParameter, IReadOnlyList<string>> commandLine,
        Func<string, string?> environment,
        string invocationDirectory,
        SecretMasker secrets)
    {
        var errors = new List<string>();
        var values = new Dictionary<IParameter, BoundValue>();
        foreach (var parameter in parameters)
        {
            var (value, error) = Bind(parameter, commandLine, environment, new Sources(invocationDirectory, secrets));
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                values[parameter] = value!;
            }
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors));
        }

        return new ParameterValues(values);
    }

    /// <summary>The parameters a scheduled target requires but nobody gave, as one message; null when all are there.</summary>
    public static string? MissingFor(IEnumerable<Target> scheduled, ParameterValues values)
    {
        var missing = scheduled
            .SelectMany(t => t.RequiredParameters.Where(p => !values.Has(p)).Select(p => (Target: t, Parameter: p)))
            .Select(m => $"Target '{m.Target.Name}' requires --{m.Parameter.Name} (or the environment variable {m.Parameter.EnvironmentVariable}): {m.Parameter.Description}")
            .ToList();
        return missing.Count == 0 ? null : string.Join(Environment.NewLine, missing);
    }

    /// <summary>The parameter's value, or the problem with what was given.</summary>
    private static (BoundValue? Value, string? Error) Bind(
        IParameter parameter,
        IReadOnlyDictionary<IParameter, IReadOnlyList<string>> commandLine,
        Func<string, string?> environment,
        Sources sources)
    {
        var type = Nullable.GetUnderlyingType(parameter.ValueType) ?? parameter.ValueType;
        if (parameter.IsSecret)
        {
            sources.Secrets.Register(environment(parameter.EnvironmentVariable));
        }

        if (commandLine.TryGetValue(parameter, out var raw))
        {
            return Convert(parameter, type, raw, sources, ParameterSource.CommandLine, $"--{parameter.Name}");
        }

        if (environment(parameter.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Convert(parameter, type, [fromEnvironment], sources, ParameterSource.Environment, $"{parameter.EnvironmentVariable} (for --{parameter.Name})");
        }

        // A required parameter nobody gave is left unset: only the scheduled targets that require it are
        // stopped for it (MissingFor), so --plan and the targets that do not use it go on without it.
        return (new BoundValue(parameter.DefaultBoxed, parameter.HasDefault ? ParameterSource.Default : ParameterSource.Unset), null);
    }

    private static (BoundValue? Value, string? Error) Convert(IParameter parameter, Type type, IReadOnlyList<string> raw, Sources sources, ParameterSource source, string origin)
    {
        if (parameter.IsSecret)
        {
            raw.ToList().ForEach(sources.Secrets.Register);
        }

        if (!ParameterValueParser.TryParse(type, raw, sources.InvocationDirectory, out var value, out var problem))
        {
            // A secret's rejected value is masked by the writers too; say nothing of it here anyway.
            return (null, parameter.IsSecret ? $"{origin}: expected {ParameterValueParser.Describe(type)}." : $"{origin}: {problem}.");
        }

        return (new BoundValue(value, source), null);
    }

    /// <summary>Where relative paths resolve, and the run's masker that learns every secret value given.</summary>
    private sealed record Sources(string InvocationDirectory, SecretMasker Secrets);
}
