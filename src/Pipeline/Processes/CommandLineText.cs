using Pipeline.Secrets;

namespace Pipeline.Processes;

/// <summary>Renders a program and its arguments as a copy-pasteable, masked command line for logs and errors.</summary>
internal static class CommandLineText
{
    public static string Format(string program, IEnumerable<string> arguments) =>
        // Masked before quoting too: quoting can split a secret ("pa'ss" becomes 'pa'\''ss') so it no longer matches.
        RunContext.MaskInCurrentRun(string.Join(' ', new[] { program }.Concat(arguments).Select(a => Quote(RunContext.MaskInCurrentRun(a)))));

    // Only arguments made of these characters are shown bare; anything else a shell could read differently is quoted.
    // The mask itself (****) stands for a value, so it does not make an argument need quotes.
    private static string Quote(string argument) =>
        argument.Length > 0 && argument.Replace(SecretMasker.Mask, "x", StringComparison.Ordinal)
            .All(c => char.IsAsciiLetterOrDigit(c) || "_-+=/.,:@%".Contains(c, StringComparison.Ordinal))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
