using System.CommandLine;
using System.CommandLine.Parsing;
using Pipeline.Planning;

namespace Pipeline.CommandLine;

/// <summary>
/// Reads the command line with System.CommandLine: target names, Pipeline's own options and one option per
/// declared parameter. Values stay raw here; <see cref="ParameterBinder"/> types them, for every source alike.
/// </summary>
internal static class CommandLineParser
{
    public static RunOptions Parse(IReadOnlyList<string> args, IReadOnlyList<IParameter> parameters)
    {
        RegisterSecretValues(args, parameters);
        var targets = new Argument<string[]>("targets") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Option<bool>("--help", "-h", "-?");
        var plan = new Option<bool>("--plan");
        var json = new Option<bool>("--json");
        var keepGoing = new Option<bool>("--keep-going");
        var only = new Option<bool>("--only");
        var skip = new Option<string[]>("--skip") { Arity = ArgumentArity.OneOrMore };
        var summaryJson = new Option<string>("--summary-json");
        var parallel = new Option<int>("--parallel")
        {
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = ParseParallelism,
        };

        var command = new Command("pipeline") { targets, help, plan, json, keepGoing, only, skip, summaryJson, parallel };
        var parameterOptions = parameters.ToDictionary(p => p, ParameterOption);
        foreach (var option in parameterOptions.Values)
        {
            command.Add(option);
        }

        var result = command.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        }

        var targetNames = result.GetValue(targets) ?? [];
        if (targetNames.FirstOrDefault(t => t.StartsWith('-')) is { } unknownOption)
        {
            throw new UsageException(UnknownOptionMessage(unknownOption, command));
        }

        return new RunOptions
        {
            Targets = targetNames,
            ShowHelp = result.GetValue(help),
            ShowPlan = result.GetValue(plan),
            Json = result.GetValue(json),
            KeepGoing = result.GetValue(keepGoing),
            Only = result.GetValue(only),
            Skip = [.. (result.GetValue(skip) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            SummaryJsonPath = result.GetValue(summaryJson),
            Parallelism = result.GetResult(parallel) is null ? 1 : result.GetValue(parallel),
            ParameterValues = parameterOptions
                .Where(p => result.GetResult(p.Value) is not null)
                .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. result.GetResult(p.Value)!.Tokens.Select(t => t.Value)]),
        };
    }

    private static Option ParameterOption(IParameter parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ValueType) ?? parameter.ValueType;
        if (ParameterValueParser.IsFlag(type))
        {
            // A bare flag (--approve) is true; an explicit value (--approve false) is taken only when it is one.
            return new Option<string>($"--{parameter.Name}")
            {
                Arity = ArgumentArity.ZeroOrOne,
                CustomParser = result =>
                {
                    if (result.Tokens.Count > 0 && !ParameterValueParser.TryParse(typeof(bool), [result.Tokens[0].Value], out _, out _))
                    {
                        result.OnlyTake(0);
                    }

                    return null;
                },
            };
        }

        return ParameterValueParser.IsList(type)
            ? new Option<string[]>($"--{parameter.Name}") { Arity = ArgumentArity.OneOrMore }
            : new Option<string>($"--{parameter.Name}") { Arity = ArgumentArity.ExactlyOne };
    }

    /// <summary>
    /// Masks secret values before anything can print them, even an error about the command line itself.
    /// </summary>
    private static void RegisterSecretValues(IReadOnlyList<string> args, IReadOnlyList<IParameter> parameters)
    {
        foreach (var secret in parameters.Where(p => p.IsSecret))
        {
            var option = $"--{secret.Name}";
            for (var i = 0; i < args.Count; i++)
            {
                if (args[i] == option && i + 1 < args.Count)
                {
                    Secrets.SecretMasker.Register(args[i + 1]);
                }
                else if (args[i].StartsWith(option + "=", StringComparison.Ordinal) || args[i].StartsWith(option + ":", StringComparison.Ordinal))
                {
                    Secrets.SecretMasker.Register(args[i][(option.Length + 1)..]);
                }
            }
        }
    }

    /// <summary><c>--parallel</c> alone means one target per processor; <c>--parallel 3</c> means three.</summary>
    private static int ParseParallelism(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return Environment.ProcessorCount;
        }

        if (int.TryParse(result.Tokens[0].Value, out var count))
        {
            if (count < 1)
            {
                result.AddError($"--parallel expects a positive number of targets, got {count}.");
            }

            return count;
        }

        // Not a number: it is a target name, so give it back.
        result.OnlyTake(0);
        return Environment.ProcessorCount;
    }

    private static string UnknownOptionMessage(string option, Command command)
    {
        var name = option.Split('=', 2)[0];
        var known = command.Options.Select(o => o.Name);
        var suggestions = NameSuggester.Suggest(name, known);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions)}?" : string.Empty;
        return $"Unknown option '{name}'.{hint} Run with --help to list the options and parameters.";
    }
}
