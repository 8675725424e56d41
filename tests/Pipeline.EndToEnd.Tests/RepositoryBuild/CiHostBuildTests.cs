using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.EndToEnd.Tests.RepositoryBuild;

/// <summary>
/// "The same script on any CI host": this repository's own <c>./build.sh Compile</c>, run in a copy of the
/// repository with the environment each CI host's agent gives, shows the host's native log groups around the
/// target, writes <c>artifacts/summary.md</c> and <c>artifacts/outputs.env</c>, and the job summary where the
/// host has one. The copy is shared: the first run publishes the runner and builds the solution from nothing,
/// later runs are incremental.
/// </summary>
[Collection(RepositoryBuildCollection.Name)]
[UnsupportedOSPlatform("windows")] // build.sh
[Trait(Speed.Trait, Speed.Slow)]
public sealed partial class CiHostBuildTests(RepositoryCopy repository, ITestOutputHelper output)
{
    private const string Branch = "feature/ci-hosts";

    [Fact]
    public async Task GitHub_Actions_run_shows_workflow_groups_and_writes_the_step_summary_and_the_outputs_file()
    {
        var host = repository.NewHostFolder("github-actions");
        var stepSummary = Path.Combine(host, "step_summary");
        var stepOutput = Path.Combine(host, "output");
        File.WriteAllText(stepSummary, string.Empty); // the runner creates both files, empty, for every step
        File.WriteAllText(stepOutput, string.Empty);

        var run = await CompileAsync(new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_REF"] = $"refs/heads/{Branch}",
            ["GITHUB_REF_NAME"] = Branch,
            ["GITHUB_REF_TYPE"] = "branch",
            ["GITHUB_SHA"] = repository.Commit,
            ["GITHUB_REPOSITORY"] = "pipeline/pipeline",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_RUN_ID"] = "9876543210",
            ["GITHUB_RUN_NUMBER"] = "42",
            ["GITHUB_WORKSPACE"] = repository.Root,
            ["GITHUB_STEP_SUMMARY"] = stepSummary,
            ["GITHUB_OUTPUT"] = stepOutput,
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_TEMP"] = host,
        });

        run.ShouldExitWith(0);
        ShouldWrapCompileIn(run, "::group::Compile", "::endgroup::");
        ShouldShowNoOtherHostsProtocol(run, "github-actions");

        var summary = ShouldHaveWrittenTheRunRecord(run);
        var jobSummary = File.ReadAllText(stepSummary);
        Assert.True(
            jobSummary.Contains(summary.TrimEnd('\n'), StringComparison.Ordinal),
            $"The step summary ({stepSummary}) does not hold the run's summary.{Environment.NewLine}--- step summary:{Environment.NewLine}{jobSummary}{Environment.NewLine}--- artifacts/summary.md:{Environment.NewLine}{summary}");
        ShouldBeTheMarkdownSummaryOfASuccessfulCompile(jobSummary, "the step summary");
    }

    [Fact]
    public async Task GitLab_run_shows_collapsible_sections_and_writes_the_summary_and_the_outputs_file()
    {
        var started = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var run = await CompileAsync(new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITLAB_CI"] = "true",
            ["CI_SERVER"] = "yes",
            ["CI_PROJECT_DIR"] = repository.Root,
            ["CI_PROJECT_PATH"] = "pipeline/pipeline",
            ["CI_COMMIT_BRANCH"] = Branch,
            ["CI_COMMIT_REF_NAME"] = Branch,
            ["CI_COMMIT_SHA"] = repository.Commit,
            ["CI_PIPELINE_ID"] = "1234567",
            ["CI_PIPELINE_IID"] = "42",
            ["CI_PIPELINE_URL"] = "https://gitlab.example/pipeline/pipeline/-/pipelines/1234567",
            ["CI_JOB_ID"] = "7654321",
            ["CI_JOB_NAME"] = "compile",
        });
        var finished = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        run.ShouldExitWith(0);
        var start = GitLabSectionStart().Match(run.StandardOutput);
        var end = GitLabSectionEnd().Match(run.StandardOutput);
        Assert.True(start.Success, $"No GitLab section_start marker for Compile (\\e[0Ksection_start:<time>:compile[collapsed=true]\\r\\e[0KCompile).{Environment.NewLine}{run}");
        Assert.True(end.Success, $"No GitLab section_end marker for Compile (\\e[0Ksection_end:<time>:compile\\r\\e[0K).{Environment.NewLine}{run}");
        Assert.True(start.Index < end.Index, $"The section ends before it starts.{Environment.NewLine}{run}");
        var startTime = long.Parse(start.Groups["time"].Value, CultureInfo.InvariantCulture);
        var endTime = long.Parse(end.Groups["time"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(startTime, started, finished);
        Assert.InRange(endTime, startTime, finished);
        ShouldWrapCompileIn(run, start.Value, end.Value);
        ShouldShowNoOtherHostsProtocol(run, "gitlab");

        ShouldHaveWrittenTheRunRecord(run);
    }

    [Fact]
    public async Task TeamCity_run_shows_blocks_and_writes_the_summary_and_the_outputs_file()
    {
        // The agent names the branch in its parameter files, not in environment variables.
        var host = repository.NewHostFolder("teamcity");
        var configurationProperties = Path.Combine(host, "config.properties");
        var buildProperties = Path.Combine(host, "build.properties");
        File.WriteAllText(configurationProperties, $"teamcity.build.branch={Branch}\nteamcity.build.vcs.branch.Pipeline_Root=refs/heads/{Branch}\n");
        File.WriteAllText(buildProperties, $"teamcity.build.id=31337\nteamcity.configuration.properties.file={configurationProperties}\n");

        var run = await CompileAsync(new Dictionary<string, string>
        {
            ["TEAMCITY_VERSION"] = "2024.1",
            ["TEAMCITY_BUILD_PROPERTIES_FILE"] = buildProperties,
            ["TEAMCITY_PROJECT_NAME"] = "Pipeline",
            ["TEAMCITY_BUILDCONF_NAME"] = "Compile",
            ["BUILD_NUMBER"] = "42",
            ["BUILD_VCS_NUMBER"] = repository.Commit,
            ["BUILD_URL"] = "https://teamcity.example/buildConfiguration/Pipeline_Compile/31337",
        });

        run.ShouldExitWith(0);
        ShouldWrapCompileIn(run, "##teamcity[blockOpened name='Compile']", "##teamcity[blockClosed name='Compile']");
        ShouldShowNoOtherHostsProtocol(run, "teamcity");

        ShouldHaveWrittenTheRunRecord(run);
    }

    // \e[0Ksection_start:<unix time>:compile[collapsed=true]\r\e[0KCompile, and \e[0Ksection_end:<unix time>:compile\r\e[0K.
    [GeneratedRegex(@"\u001b\[0Ksection_start:(?<time>\d+):compile\[collapsed=true\]\r\u001b\[0KCompile(?=\r?\n)")]
    private static partial Regex GitLabSectionStart();

    [GeneratedRegex(@"\u001b\[0Ksection_end:(?<time>\d+):compile\r\u001b\[0K(?=\r?\n)")]
    private static partial Regex GitLabSectionEnd();

    /// <summary>Colours: CI hosts render them, so the runner may use them (Spectre turns them on for known CI logs).</summary>
    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Colours();

    /// <summary>
    /// Runs <c>./build.sh Compile</c> in the copy with the host's variables, after removing the run record a
    /// previous run left, so what is found afterwards was written by this run.
    /// </summary>
    private async Task<RunnerResult> CompileAsync(Dictionary<string, string> hostVariables)
    {
        foreach (var file in new[] { "artifacts/summary.md", "artifacts/outputs.env" }.Select(repository.Path).Where(File.Exists))
        {
            File.Delete(file);
        }

        var warm = repository.RunnerBuilt;
        var clock = Stopwatch.StartNew();
        // --force: Compile is incremental, and each test must see its output (the copy is shared, so an earlier test built it).
        var run = await repository.BuildShAsync(hostVariables, "Compile", "--force");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"./build.sh Compile took {clock.Elapsed.TotalSeconds:F1} s (exit code {run.ExitCode})."));
        output.WriteLine(run.ToString());

        // Building the solution touches nothing build.sh watches in src/, so only the first run publishes the runner.
        Assert.False(
            warm && run.StandardError.Contains("Building the Pipeline runner", StringComparison.Ordinal),
            $"build.sh rebuilt the runner although an earlier run built it and no source changed since.{Environment.NewLine}{run}");
        return run;
    }

    /// <summary>
    /// The group opens on a line of its own, closes on a line of its own after the target's output, and the
    /// summary table comes after it; Compile is the only group.
    /// </summary>
    private static void ShouldWrapCompileIn(RunnerResult run, string open, string close)
    {
        var lines = run.OutputLines;
        var opens = Enumerable.Range(0, lines.Count).Where(i => lines[i] == open).ToList();
        var closes = Enumerable.Range(0, lines.Count).Where(i => lines[i] == close).ToList();
        Assert.True(opens.Count == 1, $"Expected one line \"{Visible(open)}\" on standard output, found {opens.Count}.{Environment.NewLine}{run}");
        Assert.True(closes.Count == 1, $"Expected one line \"{Visible(close)}\" on standard output, found {closes.Count}.{Environment.NewLine}{run}");
        Assert.True(opens[0] + 1 < closes[0], $"The group around Compile is empty or closes before it opens.{Environment.NewLine}{run}");

        // dotnet build's own output ("Pipeline -> .../Pipeline.dll") is inside the group.
        var built = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(" -> ", StringComparison.Ordinal)).ToList();
        Assert.True(built.Count > 0, $"No \"project -> assembly\" line from dotnet build.{Environment.NewLine}{run}");
        Assert.All(built, i => Assert.InRange(i, opens[0] + 1, closes[0] - 1));

        var plain = new RunnerResult(run.ExitCode, Colours().Replace(run.StandardOutput, string.Empty), run.StandardError);
        Assert.Equal("succeeded", plain.OutcomeOf("Compile"));
        var table = plain.OutputLines.ToList().FindIndex(l => Regex.IsMatch(l, @"^\s*[│|]\s*Target\s*[│|]"));
        Assert.True(table > closes[0], $"The summary table is not after the group.{Environment.NewLine}{run}");
    }

    /// <summary>Only this host's protocol: nothing from the machine running the tests, or another host, leaked in.</summary>
    private static void ShouldShowNoOtherHostsProtocol(RunnerResult run, string host)
    {
        var protocols = new Dictionary<string, string[]>
        {
            ["github-actions"] = ["::group::", "::endgroup::"],
            ["gitlab"] = ["section_start:", "section_end:"],
            ["teamcity"] = ["##teamcity["],
            ["azure-pipelines"] = ["##vso[", "##[group]"],
        };
        Assert.Contains(host, protocols.Keys);
        foreach (var (name, markers) in protocols.Where(p => p.Key != host))
        {
            foreach (var marker in markers)
            {
                Assert.False(
                    run.AllOutput.Contains(marker, StringComparison.Ordinal),
                    $"A {host} run shows {name}'s \"{marker}\".{Environment.NewLine}{run}");
            }
        }
    }

    /// <summary>artifacts/summary.md (the Markdown summary of a successful Compile) and artifacts/outputs.env (Compile sets no output, so possibly empty).</summary>
    private string ShouldHaveWrittenTheRunRecord(RunnerResult run)
    {
        var summaryFile = repository.Path("artifacts/summary.md");
        Assert.True(File.Exists(summaryFile), $"No artifacts/summary.md in the copy.{Environment.NewLine}{run}");
        Assert.True(File.Exists(repository.Path("artifacts/outputs.env")), $"No artifacts/outputs.env in the copy.{Environment.NewLine}{run}");
        var summary = File.ReadAllText(summaryFile);
        ShouldBeTheMarkdownSummaryOfASuccessfulCompile(summary, "artifacts/summary.md");
        return summary;
    }

    private static void ShouldBeTheMarkdownSummaryOfASuccessfulCompile(string markdown, string what)
    {
        Assert.Matches(new Regex(@"^### Build succeeded in \S", RegexOptions.Multiline), markdown);
        Assert.True(
            markdown.Contains("| Target | Outcome | Duration | Details |\n|---|---|---:|---|\n", StringComparison.Ordinal),
            $"{what} has no Markdown summary table:{Environment.NewLine}{markdown}");
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Target ", StringComparison.Ordinal)).ToList();
        var row = Assert.Single(rows);
        Assert.Matches(new Regex(@"^\| Compile \| succeeded \| [^|]*\d[^|]* \| --force \|$"), row); // why it ran
    }

    private static string Visible(string text) => text.Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
