using Pipeline.Secrets;

namespace Pipeline;

/// <summary>Renders a program and its arguments as a copy-pasteable, masked command line for logs and errors.</summary>
internal static class CommandLineText
{
    public static string Format(string program, IEnumerable<string> arguments) =>
        SecretMasker.Apply(string.Join(' ', new[] { program }.Concat(arguments).Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\' or ';' or '&' or '|')
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
