using System.Reflection;
using System.Text.RegularExpressions;
using Pipeline.Secrets;

namespace Pipeline.Execution;

/// <summary>
/// One readable, masked line for a failure: the message, with the exception type only where it says
/// something, and the script line it came from instead of a stack trace. Several failures at once (an
/// <see cref="AggregateException"/>) are each shown, each with its own line.
/// </summary>
internal sealed partial class FailureMessage(string root, SecretMasker secrets)
{
    /// <param name="declaredAt">
    /// Where the failing body was declared: the place shown when the exception passed through no script
    /// line (a task returned by an expression-bodied lambda fails after the lambda has returned).
    /// </param>
    public string Of(Exception exception, CallSite? declaredAt = null)
    {
        exception = Innermost(exception);
        var fallback = ScriptLocation(declaredAt);
        var message = exception is AggregateException { InnerExceptions.Count: > 1 } aggregate ? Several(aggregate, fallback) : Describe(exception, fallback);
        return secrets.Apply(message);
    }

    /// <summary>
    /// The first stack frame in a build script, relative to the repository root; for
    /// several failures, the first one's. Without one, <paramref name="declaredAt"/> when that is in a script.
    /// </summary>
    public SourceLocation? LocationOf(Exception exception, CallSite? declaredAt = null)
    {
        exception = Innermost(exception);
        var inners = exception is AggregateException { InnerExceptions.Count: > 1 } aggregate ? aggregate.Flatten().InnerExceptions.Select(Innermost) : [];
        return inners.Select(FirstScriptFrame).FirstOrDefault(location => location is not null)
            ?? FirstScriptFrame(exception)
            ?? ScriptLocation(declaredAt);
    }

    private string Several(AggregateException aggregate, SourceLocation? fallback)
    {
        // Exceptions made only to be thrown together have no stack of their own: their place is where they were thrown.
        var thrownAt = FirstScriptFrame(aggregate) ?? fallback;
        var inners = aggregate.Flatten().InnerExceptions.Select(Innermost).ToList();
        var headline = OwnMessage(aggregate) is { } own ? $"{own} ({inners.Count} errors)" : $"{inners.Count} errors";
        return $"{headline}: {string.Join("; ", inners.Select(inner => Describe(inner, thrownAt)))}";
    }

    private string Describe(Exception exception, SourceLocation? fallback)
    {
        var message = exception switch
        {
            IExplainedFailure => exception.Message,
            _ when exception.GetType() == typeof(Exception) => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return (FirstScriptFrame(exception) ?? fallback) is { } location ? WithLocation(message, location) : message;
    }

    private static string WithLocation(string message, SourceLocation location) => $"{message} (at {location.File}:line {location.Line})";

    /// <summary>The aggregate's message without the inner messages .NET appends to it; null when it is the default one.</summary>
    private static string? OwnMessage(AggregateException aggregate)
    {
        var message = aggregate.Message;
        foreach (var inner in aggregate.InnerExceptions.Reverse())
        {
            var appended = $" ({inner.Message})";
            if (message.EndsWith(appended, StringComparison.Ordinal))
            {
                message = message[..^appended.Length];
            }
        }

        return message == new AggregateException().Message ? null : message;
    }

    private SourceLocation? FirstScriptFrame(Exception exception)
    {
        var match = ScriptFrame().Match(exception.StackTrace ?? string.Empty);
        return match.Success
            ? new SourceLocation(Relative(match.Groups["path"].Value), int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>A call site as a script location; null outside a script (a console project's .cs files show no lines, as their frames do not).</summary>
    private SourceLocation? ScriptLocation(CallSite? site) =>
        site is { Line: > 0 } && site.Path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) ? new SourceLocation(Relative(site.Path), site.Line) : null;

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static Exception Innermost(Exception exception)
    {
        while (exception is TargetInvocationException or AggregateException { InnerExceptions.Count: 1 } && exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    [GeneratedRegex(@" in (?<path>.+?\.csx):line (?<line>\d+)")]
    private static partial Regex ScriptFrame();
}
