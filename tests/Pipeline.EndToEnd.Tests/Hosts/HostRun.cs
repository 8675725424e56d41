using System.Text;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// One runner invocation in a host's environment, and its snapshot text: the exit code, standard output and
/// standard error (separately), the files the run left in the repository, and the content of each, with the
/// files the host reads marked. Only what differs between runs is normalised: durations, the repository's
/// temporary path and GitLab's section timestamps.
/// </summary>
internal sealed partial class HostRun
{
    private HostRun(TempRepo repo, HostFixture fixture, RunnerResult result)
    {
        Repo = repo;
        Fixture = fixture;
        Result = result;
    }

    public TempRepo Repo { get; }

    public HostFixture Fixture { get; }

    public RunnerResult Result { get; }

    /// <summary>Standard output, normalised.</summary>
    public string Output => Normalise(Result.StandardOutput);

    /// <summary>Standard error, normalised.</summary>
    public string Error => Normalise(Result.StandardError);

    public static Task<HostRun> StartAsync(TempRepo repo, HostFixture fixture, params string[] arguments) =>
        StartAsync(repo, fixture, through: null, arguments);

    /// <summary>The run, in-process or, with <paramref name="through"/>, through the native client and a resident runner.</summary>
    public static async Task<HostRun> StartAsync(TempRepo repo, HostFixture fixture, ResidentRunners? through, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(fixture);
        var result = await PipelineRunner.RunAsync(repo.Root, arguments, HostFixtures.Environment(fixture, repo.Root), through);
        return new HostRun(repo, fixture, result);
    }

    /// <summary>The text a snapshot stores for this run.</summary>
    public string Describe(bool withFiles = true)
    {
        var text = new StringBuilder();
        text.Append($"exit code: {Result.ExitCode}\n");
        Section(text, "stdout", Output);
        Section(text, "stderr", Error);
        if (!withFiles)
        {
            return text.ToString();
        }

        var files = FilesLeft();
        Section(text, "files", string.Concat(files.Select(f => f + "\n")));
        // The run report is listed but not shown: its content is pinned by the Reports tests (RunReportGoldenTests).
        foreach (var file in files.Where(f => !f.EndsWith('/') && f != "artifacts/report.html"))
        {
            var readAs = Fixture.FilesRead.TryGetValue(file, out var reader) ? $" (read by the host as {reader})" : string.Empty;
            Section(text, $"file {file}{readAs}", Normalise(Repo.ReadText(file)));
        }

        foreach (var (file, reader) in Fixture.FilesRead.Where(f => !files.Contains(f.Key)))
        {
            text.Append($"=== file {file} (read by the host as {reader}): not written\n");
        }

        return text.ToString();
    }

    /// <summary>Replaces what varies between runs, and nothing else.</summary>
    public string Normalise(string text) => Normalise(text, Repo.Root);

    /// <summary>Replaces what varies between runs in <paramref name="repositoryRoot"/>, and nothing else.</summary>
    public static string Normalise(string text, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace(repositoryRoot, "<repo>", StringComparison.Ordinal);
        text = GitLabSectionTime().Replace(text, "section_$1:<time>:");

        // In the console's summary table the Duration column is right-aligned: the placeholder takes the
        // whole cell, padding included, so the table keeps its width whatever the durations' digits.
        text = TableDurationCell().Replace(text, m => "<duration>".PadLeft(m.Length));
        return Duration().Replace(text, "<duration>");
    }

    /// <summary>The repository's files (and empty folders, with a trailing slash) besides the script, sorted.</summary>
    private List<string> FilesLeft()
    {
        var entries = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(Repo.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Root, entry).Replace('\\', '/');
            if (relative == "build/build.csx")
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                if (!Directory.EnumerateFileSystemEntries(entry).Any())
                {
                    entries.Add(relative + "/");
                }
            }
            else
            {
                entries.Add(relative);
            }
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    private static void Section(StringBuilder text, string title, string content)
    {
        text.Append($"=== {title}\n");
        if (content.Length == 0)
        {
            text.Append("(empty)\n");
            return;
        }

        text.Append(content);
        if (!content.EndsWith('\n'))
        {
            text.Append("\n(no newline at end)\n");
        }
    }

    /// <summary>The formats of Pipeline's Durations.Format: <c>420 ms</c>, <c>3.2 s</c>, <c>2 min 05 s</c>.</summary>
    private const string DurationPattern = @"(?:\d+ min \d\d s|\d+\.\d s|\d+ ms)";

    [GeneratedRegex(@"(?<![\w.])" + DurationPattern + @"(?!\w)")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<=│) +" + DurationPattern + @" (?=│)")]
    private static partial Regex TableDurationCell();

    [GeneratedRegex(@"section_(start|end):\d+:")]
    private static partial Regex GitLabSectionTime();
}
