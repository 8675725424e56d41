using System.Text;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// Compares a run through the resident runner with the same run in-process: exit code, standard output and standard
/// error, byte for byte once a normalisation replaced what differs between any two runs (durations, a pid).
/// A difference is shown where it starts, with control characters spelled out, so a stray colour code or line ending is seen.
/// </summary>
internal static class SameBytes
{
    private const int Window = 60;

    public static void ShouldMatch(RunnerResult inProcess, RunnerResult through, Func<string, string> normalise)
    {
        Assert.True(
            inProcess.ExitCode == through.ExitCode,
            $"In-process the run exited with {inProcess.ExitCode}, through the resident runner with {through.ExitCode}.{Environment.NewLine}" +
            $"=== in-process:{Environment.NewLine}{inProcess}{Environment.NewLine}=== through the resident runner:{Environment.NewLine}{through}");
        ShouldMatch("standard output", normalise(inProcess.StandardOutput), normalise(through.StandardOutput));
        ShouldMatch("standard error", normalise(inProcess.StandardError), normalise(through.StandardError));
    }

    public static void ShouldMatch(string what, string inProcess, string through)
    {
        if (inProcess == through)
        {
            return;
        }

        var at = 0;
        while (at < inProcess.Length && at < through.Length && inProcess[at] == through[at])
        {
            at++;
        }

        var from = Math.Max(0, at - Window);
        var bytesBefore = Encoding.UTF8.GetByteCount(inProcess.AsSpan(0, at));
        Assert.Fail(
            $"The {what} through the resident runner differs from in-process at byte {bytesBefore} (character {at}):{Environment.NewLine}" +
            $"  in-process: {Visible(inProcess, from, at)}{Environment.NewLine}" +
            $"  through:    {Visible(through, from, at)}{Environment.NewLine}" +
            $"=== in-process {what}:{Environment.NewLine}{inProcess}{Environment.NewLine}=== through the resident runner:{Environment.NewLine}{through}");
    }

    /// <summary>The text around the difference, control characters as escapes, the first differing character after a '|'.</summary>
    private static string Visible(string text, int from, int at)
    {
        var shown = new StringBuilder("\"");
        for (var i = from; i < Math.Min(text.Length, at + Window); i++)
        {
            if (i == at)
            {
                shown.Append('|');
            }

            var c = text[i];
            shown.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u001b' => "\\e",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return shown.Append(at >= text.Length ? "|<end>\"" : "\"").ToString();
    }
}
