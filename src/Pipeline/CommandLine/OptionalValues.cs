namespace Pipeline.CommandLine;

/// <summary>
/// Options whose value may be left out: <c>--parallel [N]</c> and bool parameters (<c>--approve</c>,
/// <c>--approve false</c>). The parser takes every option's value from the next token, which would swallow
/// a target name (<c>--parallel Test</c>), so a bare occurrence is rewritten to its implied value first:
/// <c>--parallel=&lt;processor count&gt;</c>, <c>--approve=true</c>, <c>--html=*</c> (the default file; <c>--html plan.html</c> names one), <c>--force=*</c> (every target; <c>--force Test</c>
/// forces Test when Test is a target of the build).
/// </summary>
internal static class OptionalValues
{
    public static IReadOnlyList<string> Normalise(IReadOnlyList<string> args, IReadOnlyList<IParameter> parameters, IReadOnlyCollection<string>? targetNames = null)
    {
        var flags = parameters
            .Where(p => ParameterValueParser.IsFlag(Nullable.GetUnderlyingType(p.ValueType) ?? p.ValueType))
            .Select(p => $"--{p.Name}")
            .ToHashSet(StringComparer.Ordinal);
        var normalised = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var next = i + 1 < args.Count ? args[i + 1] : null;
            if (args[i] == "--parallel" && !IsCount(next))
            {
                normalised.Add($"--parallel={Environment.ProcessorCount}");
            }
            else if (args[i] == ForceOption && !NamesTargets(next, targetNames))
            {
                normalised.Add($"{ForceOption}={EveryTarget}");
            }
            else if (args[i] == HtmlOption && !IsHtmlFile(next))
            {
                normalised.Add($"{HtmlOption}={DefaultFile}");
            }
            else if (flags.Contains(args[i]) && !IsBool(next))
            {
                normalised.Add($"{args[i]}=true");
            }
            else
            {
                normalised.Add(args[i]);
            }
        }

        return normalised;
    }

    /// <summary>The value of a bare <c>--force</c>: every incremental target runs.</summary>
    public const string EveryTarget = "*";

    /// <summary>The value of a bare <c>--html</c>: the page goes to its default file under <c>artifacts/</c>.</summary>
    public const string DefaultFile = "*";

    public const string HtmlOption = "--html";

    private const string ForceOption = "--force";

    /// <summary><c>--html</c> takes the next token as its file only when it names an HTML file (else it is a target name).</summary>
    private static bool IsHtmlFile(string? token) =>
        token is not null && !token.StartsWith('-') &&
        (token.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || token.EndsWith(".htm", StringComparison.OrdinalIgnoreCase));

    private static bool NamesTargets(string? token, IReadOnlyCollection<string>? targetNames) =>
        token is { Length: > 0 } && targetNames is not null && token.Split(',', StringSplitOptions.TrimEntries)
            .All(name => targetNames.Contains(name, StringComparer.OrdinalIgnoreCase));

    private static bool IsCount(string? token) => token is not null && int.TryParse(token, out _);

    private static bool IsBool(string? token) =>
        token is not null && ParameterValueParser.TryParse(typeof(bool), [token], string.Empty, out _, out _) && token.Length > 0;
}
