using System.CommandLine;
using Pipeline.Planning;
using Pipeline.Secrets;

namespace Pipeline.CommandLine;

/// <summary>
/// Reads the command line with System.CommandLine: target names, Pipeline's own options and one option per
/// declared parameter. Values stay raw here; <see cref="ParameterBinder"/> types them, for every source alike.
/// </summary>
internal static class CommandLineParser
{
    public static RunOptions Parse(IReadOnlyList<string> args, IReadOnlyList<IParameter> parameters, SecretMasker secrets, IReadOnlyCollection<string>? declaredTargets = null)
    {
        var targets = new Argument<string[]>("targets") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Option<bool>("--help", "-h", "-?");
        var plan = new Option<bool>("--plan");
        var json = new Option<bool>("--json");
        var keepGoing = new Option<bool>("--keep-going");
        var only = new Option<bool>("--only");
        var skip = new Option<string[]>("--skip") { Arity = ArgumentArity.OneOrMore };
        var summaryJson = new Option<string>("--summary-json");
        var host = new Option<string>("--host");
        var parallel = new Option<string>("--parallel") { Arity = ArgumentArity.ExactlyOne };
        var partition = new Option<string>(PartitionArgument.Option);
        var force = new Option<string[]>("--force") { Arity = ArgumentArity.OneOrMore };
        var html = new Option<string>(OptionalValues.HtmlOption);
        var trace = new Option<string>("--trace") { Arity = ArgumentArity.ExactlyOne };
        var noLive = new Option<bool>("--no-live");
        var delivery = new DeliveryOptions();
        var ci = new CiOptions();

        var command = new Command("pipeline") { targets, help, plan, json, keepGoing, only, skip, summaryJson, parallel, host, partition, force, html, trace, noLive };
        delivery.AddTo(command);
        ci.AddTo(command);
        var parameterOptions = parameters.ToDictionary(p => p, ParameterOption);
        foreach (var option in parameterOptions.Values)
        {
            command.Add(option);
        }

        var result = command.Parse(OptionalValues.Normalise(args, parameters, declaredTargets));

        // Masked before anything can print them, even an error about the command line itself.
        foreach (var option in parameterOptions.Where(p => p.Key.IsSecret).Select(p => p.Value))
        {
            foreach (var token in result.GetResult(option)?.Tokens ?? [])
            {
                secrets.Register(token.Value);
            }
        }

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
            Force = ReadForce(result.GetValue(force)),
            SummaryJsonPath = result.GetValue(summaryJson),
            Html = ReadHtml(result.GetValue(html), result.GetResult(html) is not null),
            TracePath = result.GetValue(trace),
            NoLive = result.GetValue(noLive),
            Host = result.GetValue(host),
            Parallelism = ParseParallelism(result.GetValue(parallel)),
            Partition = PartitionArgument.Parse(result.GetValue(partition)),
            Delivery = delivery.Read(result),
            History = result.GetValue(delivery.History),
            Ci = ci.Read(result),
            ParameterValues = parameterOptions
                .Where(p => result.GetResult(p.Value) is not null)
                .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. result.GetResult(p.Value)!.Tokens.Select(t => t.Value)]),
        };
    }

    private static Option ParameterOption(IParameter parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ValueType) ?? parameter.ValueType;
        return ParameterValueParser.IsList(type)
            ? new Option<string[]>($"--{parameter.Name}") { Arity = ArgumentArity.OneOrMore }
            : new Option<string>($"--{parameter.Name}") { Arity = ArgumentArity.ExactlyOne };
    }

    /// <summary><c>--force</c> (normalised to <c>*</c> when bare: every target) or <c>--force T[,U]</c>; nothing forced when absent.</summary>
    private static Incremental.ForceRequest ReadForce(string[]? values)
    {
        var names = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return names.Contains(OptionalValues.EveryTarget) ? new(true, []) : new(false, names);
    }

    /// <summary><c>--html</c> given bare is normalised to <c>*</c>: the page goes to its default file (empty here).</summary>
    private static string? ReadHtml(string? value, bool given) =>
        !given ? null : value is null or OptionalValues.DefaultFile ? string.Empty : value;

    /// <summary>The <c>--parallel</c> value (normalised to a number when given bare); 1 when it was not given.</summary>
    private static int ParseParallelism(string? value)
    {
        if (value is null)
        {
            return 1;
        }

        return int.TryParse(value, out var count) && count >= 1
            ? count
            : throw new UsageException($"--parallel expects a positive number of targets at a time, got '{value}'.");
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
