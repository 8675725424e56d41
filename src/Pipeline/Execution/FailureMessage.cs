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
        exception = Innermost(exception);

        var message = exception switch
        {
            CommandFailedException or TestsFailedException or BuildDefinitionException or Delivery.ReleaseRefusedException or Delivery.QaChecksFailedException or MissingParameterException => exception.Message,
            _ when exception.GetType() == typeof(Exception) => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        if (LocationOf(exception) is { } location)
        {
            message += $" (at {location.File}:line {location.Line})";
        }

        return SecretMasker.Apply(message);
    }

    /// <summary>The first stack frame in a build script, relative to the repository root (the current directory).</summary>
    public static SourceLocation? LocationOf(Exception exception)
    {
        var match = ScriptFrame().Match(Innermost(exception).StackTrace ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), match.Groups["path"].Value).Replace('\\', '/');
        return new SourceLocation(relative, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

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
