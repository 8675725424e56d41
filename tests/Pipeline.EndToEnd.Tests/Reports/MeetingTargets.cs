namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>
/// Script lines that make two targets certainly overlap in a parallel run: <c>Meet(self, other)</c> writes its own
/// marker file, waits (bounded) for the other's, then runs one child process (<c>echo '&lt;self&gt; met &lt;other&gt;'</c>).
/// It ends with a blank line, so the script's own lines follow it as if it had been written in place.
/// </summary>
internal static class MeetingTargets
{
    public const string Meet = """
        async Task Meet(string self, string other)
        {
            Directory.CreateDirectory("markers");
            File.WriteAllText(Path.Combine("markers", self), self);
            var guard = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(Path.Combine("markers", other)))
            {
                if (guard.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"{self} never saw {other} running");
                await Task.Delay(20);
            }

            await Cmd.RunAsync("echo", [$"{self} met {other}"]);
        }


        """;
}
