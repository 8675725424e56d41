using System.Reflection;
using System.Text.RegularExpressions;
using Pipeline.Secrets;

namespace Pipeline.Execution;

/// <summary>
/// One readable, masked line for a failure: the message, with the exception type only where it says
/// something, and the script line it came from instead of a stack trace.
/// </summary>
internal static partial class FailureMessage
{
    public static string Of(Exception exception)
    {
        while (exception is TargetInvocationException or AggregateException { InnerExceptions.Count: 1 } && exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        var message = exception switch
        {
            CommandFailedException or TestsFailedException or BuildDefinitionException => exception.Message,
            _ when exception.GetType() == typeof(Exception) => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        if (ScriptLocation(exception) is { } location)
        {
            message += $" (at {location})";
        }

        return SecretMasker.Apply(message);
    }

    /// <summary>The first stack frame in a build script, as <c>build/build.csx:line 12</c>.</summary>
    private static string? ScriptLocation(Exception exception)
    {
        var match = ScriptFrame().Match(exception.StackTrace ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var path = match.Groups["path"].Value;
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
        return $"{relative}:line {match.Groups["line"].Value}";
    }

    [GeneratedRegex(@" in (?<path>.+?\.csx):line (?<line>\d+)")]
    private static partial Regex ScriptFrame();
}
