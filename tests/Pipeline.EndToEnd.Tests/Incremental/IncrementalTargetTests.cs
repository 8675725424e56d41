using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Incremental;

/// <summary>
/// Incremental targets as a user meets them: a Compile that turns src/*.txt into out/app.bin and a Test that reads
/// it. Every body appends its name to runs.log (neither an input nor an output), so a test sees whether a body ran,
/// not only what the summary says. The build cache is off here: these are the up-to-date checks alone.
/// </summary>
public sealed class IncrementalTargetTests : IDisposable
{
    internal const string Script = """
        var configuration = Parameter("configuration", "Release", "Changes the result");
        var failTest = Parameter("fail-test", false, "Makes Test fail");

        void Ran(string name) => File.AppendAllText("runs.log", name + "\n");

        var compile = Target("Compile")
            .Inputs("src/**/*.txt", "!src/ignored/**")
            .Outputs("out/")
            .InputValues(configuration)
            .InputEnvironment("APP_FLAVOUR")
            .Executes(() =>
            {
                Ran("Compile");
                Console.WriteLine("compiling");
                Directory.CreateDirectory("out");
                var sources = Directory.EnumerateFiles("src", "*.txt", SearchOption.AllDirectories).Order().Select(f => File.ReadAllText(f).Trim().ToUpperInvariant());
                File.WriteAllText("out/app.bin", string.Join("|", sources) + configuration.Value + Environment.GetEnvironmentVariable("APP_FLAVOUR"));
            });

        var test = Target("Test")
            .DependsOn(compile)
            .Inputs("tests/**")
            .Outputs("results/")
            .Executes(() =>
            {
                Ran("Test");
                Console.WriteLine($"testing {File.ReadAllText("out/app.bin")}");
                if (failTest.Value)
                {
                    throw new Exception("a test failed");
                }

                Directory.CreateDirectory("results");
                File.WriteAllText("results/result.txt", "2 passed");
                WriteAtEnd("Test: 2 passed, 0 failed");
            });

        Default(test);
        """;

    private readonly TempRepo _repo = new(Script);

    public IncrementalTargetTests()
    {
        Write("src/a.txt", "alpha");
        Write("src/b.txt", "beta");
        Write("tests/t.txt", "test");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_rerun_with_no_change_is_up_to_date_and_does_not_call_the_bodies()
    {
        (await RunAsync()).ShouldExitWith(0);
        var second = await RunAsync();

        second.ShouldExitWith(0);
        Assert.Equal("up to date", second.OutcomeOf("Compile"));
        Assert.Equal("up to date", second.OutcomeOf("Test"));
        Assert.StartsWith("no change since its run of ", second.DetailsOf("Test"));
        Assert.Equal(["Compile", "Test"], Runs());
    }

    [Fact]
    public async Task An_up_to_date_target_replays_its_output_and_its_closing_line()
    {
        (await RunAsync()).ShouldExitWith(0);
        var second = await RunAsync();

        second.ShouldExitWith(0);
        Assert.Equal("Test: 2 passed, 0 failed", second.LastOutputLine);
        var replayed = second.OutputLines.ToList();
        var marker = replayed.FindIndex(l => l.StartsWith("(up to date: the output of its run of ", StringComparison.Ordinal) && l.EndsWith(", replayed)", StringComparison.Ordinal));
        Assert.True(marker >= 0, second.ToString());
        Assert.Contains("testing ALPHA|BETARelease", replayed.Skip(marker));
    }

    [Fact]
    public async Task Changing_one_byte_of_an_input_reruns_the_target_and_says_which_input()
    {
        (await RunAsync()).ShouldExitWith(0);
        Write("src/a.txt", "alphx");

        var second = await RunAsync();

        second.ShouldExitWith(0);
        Assert.Equal("succeeded", second.OutcomeOf("Compile"));
        Assert.Equal("input src/a.txt changed", second.DetailsOf("Compile"));
        Assert.Equal(["Compile", "Test", "Compile", "Test"], Runs());
    }

    [Fact]
    public async Task Touching_an_input_without_changing_it_does_not_rerun()
    {
        (await RunAsync()).ShouldExitWith(0);
        File.SetLastWriteTimeUtc(_repo.Path("src/a.txt"), DateTime.UtcNow.AddMinutes(5));

        var second = await RunAsync();

        Assert.Equal("up to date", second.OutcomeOf("Compile"));
        Assert.Equal(["Compile", "Test"], Runs());
    }

    [Theory]
    [InlineData("add", "input src/c.txt added")]
    [InlineData("delete", "input src/b.txt deleted")]
    [InlineData("rename", "input src/b.txt deleted, input src/d.txt added")]
    public async Task Adding_deleting_or_renaming_a_matching_input_reruns(string change, string reason)
    {
        (await RunAsync()).ShouldExitWith(0);
        switch (change)
        {
            case "add": Write("src/c.txt", "gamma"); break;
            case "delete": File.Delete(_repo.Path("src/b.txt")); break;
            default: File.Move(_repo.Path("src/b.txt"), _repo.Path("src/d.txt")); break;
        }

        var second = await RunAsync();

        Assert.Equal("succeeded", second.OutcomeOf("Compile"));
        Assert.Equal(reason, second.DetailsOf("Compile"));
    }

    [Fact]
    public async Task A_file_the_globs_exclude_or_do_not_match_changes_nothing()
    {
        (await RunAsync()).ShouldExitWith(0);
        Write("src/ignored/x.txt", "not an input");
        Write("src/notes.md", "not an input either");

        var second = await RunAsync();

        Assert.Equal("up to date", second.OutcomeOf("Compile"));
    }

    [Theory]
    [InlineData("edit", "output out/app.bin changed")]
    [InlineData("delete", "output out/app.bin missing")]
    public async Task An_edited_or_deleted_output_reruns_its_target(string change, string reason)
    {
        (await RunAsync()).ShouldExitWith(0);
        if (change == "edit")
        {
            Write("out/app.bin", "damaged");
        }
        else
        {
            Directory.Delete(_repo.Path("out"), recursive: true);
        }

        var second = await RunAsync();

        Assert.Equal("succeeded", second.OutcomeOf("Compile"));
        Assert.Equal(reason, second.DetailsOf("Compile"));
        Assert.Equal("ALPHA|BETARelease", _repo.ReadText("out/app.bin"));
    }

    [Fact]
    public async Task A_changed_parameter_reruns_and_is_named()
    {
        (await RunAsync()).ShouldExitWith(0);

        var second = await RunAsync("--configuration", "Debug");

        Assert.Equal("parameter configuration changed", second.DetailsOf("Compile"));
        Assert.Equal("Compile's outputs changed", second.DetailsOf("Test"));
    }

    [Fact]
    public async Task A_changed_declared_environment_variable_reruns_and_is_named()
    {
        (await RunAsync()).ShouldExitWith(0);

        var second = await _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_BUILD_CACHE"] = "off", ["APP_FLAVOUR"] = "blue" });

        Assert.Equal("environment variable APP_FLAVOUR changed", second.DetailsOf("Compile"));
    }

    [Fact]
    public async Task An_edit_of_the_script_reruns_and_is_named()
    {
        (await RunAsync()).ShouldExitWith(0);
        File.AppendAllText(_repo.ScriptPath, "\n// an edit\n");

        var second = await RunAsync();

        Assert.Equal("the build script changed", second.DetailsOf("Compile"));
    }

    [Fact]
    public async Task A_dependent_reruns_only_when_what_it_consumes_changed()
    {
        (await RunAsync()).ShouldExitWith(0);

        // Compile trims its sources: a trailing space changes its input but not its output.
        Write("src/a.txt", "alpha ");
        var same = await RunAsync();
        Write("src/a.txt", "omega");
        var changed = await RunAsync();

        Assert.Equal("succeeded", same.OutcomeOf("Compile"));
        Assert.Equal("up to date", same.OutcomeOf("Test"));
        Assert.Equal("Compile's outputs changed", changed.DetailsOf("Test"));
        Assert.Contains("testing OMEGA|BETARelease", changed.OutputLines);
    }

    [Fact]
    public async Task A_failed_run_records_nothing_and_forgets_the_last_success()
    {
        (await RunAsync()).ShouldExitWith(0);

        var failed = await RunAsync("--force", "Test", "--fail-test");
        var after = await RunAsync();

        failed.ShouldExitWith(1);
        Assert.Equal("succeeded", after.OutcomeOf("Test"));
        Assert.Equal("no earlier run recorded", after.DetailsOf("Test"));
        Assert.Equal("up to date", after.OutcomeOf("Compile"));
    }

    [Fact]
    public async Task Force_reruns_every_target_and_force_with_a_name_only_that_one()
    {
        (await RunAsync()).ShouldExitWith(0);

        var all = await RunAsync("Test", "--force");
        var one = await RunAsync("Test", "--force", "Compile");

        Assert.Equal(("succeeded", "--force"), (all.OutcomeOf("Compile"), all.DetailsOf("Compile")));
        Assert.Equal(("succeeded", "--force"), (all.OutcomeOf("Test"), all.DetailsOf("Test")));
        Assert.Equal(("succeeded", "--force"), (one.OutcomeOf("Compile"), one.DetailsOf("Compile")));
        Assert.Equal("up to date", one.OutcomeOf("Test"));
    }

    [Fact]
    public async Task Force_with_an_unknown_target_is_a_usage_error_with_a_suggestion()
    {
        var result = await RunAsync("--force=Tset");

        result.ShouldExitWith(2);
        result.ErrorShouldContain("Unknown target 'Tset'. Did you mean 'Test'?");
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task A_checkout_moved_to_another_folder_is_still_up_to_date()
    {
        (await RunAsync()).ShouldExitWith(0);
        using var moved = new TempRepo(null);
        CopyFolder(_repo.Root, moved.Root);

        var result = await moved.RunAsync(new Dictionary<string, string?> { ["PIPELINE_BUILD_CACHE"] = "off" });

        result.ShouldExitWith(0);
        Assert.Equal("up to date", result.OutcomeOf("Compile"));
        Assert.Equal("up to date", result.OutcomeOf("Test"));
    }

    [Fact]
    public async Task Plan_says_what_would_run_and_why()
    {
        (await RunAsync()).ShouldExitWith(0);
        Write("src/a.txt", "changed");

        var plan = await RunAsync("--plan");

        plan.ShouldExitWith(0);
        plan.OutputShouldContain("1. Compile (runs: input src/a.txt changed)");
        plan.OutputShouldContain("2. Test (up to date unless Compile changes its outputs)");
        Assert.Equal(["Compile", "Test"], Runs());
    }

    [Fact]
    public async Task The_json_summary_tells_a_reused_result_from_a_run()
    {
        (await RunAsync()).ShouldExitWith(0);
        Write("tests/t.txt", "changed");

        (await RunAsync("--summary-json", "summary.json")).ShouldExitWith(0);

        using var summary = System.Text.Json.JsonDocument.Parse(_repo.ReadText("summary.json"));
        var targets = summary.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal("up-to-date", targets["Compile"].GetProperty("reused").GetString());
        Assert.Equal("succeeded", targets["Compile"].GetProperty("outcome").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, targets["Test"].GetProperty("reused").ValueKind);
        Assert.Equal("input tests/t.txt changed", targets["Test"].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_state_is_kept_outside_artifacts_and_out_of_git_status()
    {
        await GitAsync("init", "--quiet");
        (await RunAsync()).ShouldExitWith(0);

        var status = await GitAsync("status", "--porcelain", "--untracked-files=all");

        Assert.True(_repo.Exists(".pipeline/state/compile.state"));
        Assert.DoesNotContain(".pipeline", status);
    }

    private Task<RunnerResult> RunAsync(params string[] arguments) =>
        _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_BUILD_CACHE"] = "off" }, arguments);

    private void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_repo.Path(relative))!);
        File.WriteAllText(_repo.Path(relative), content);
    }

    private string[] Runs() => _repo.Exists("runs.log") ? _repo.ReadText("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    private async Task<string> GitAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("git", arguments, _repo.Root);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result.StandardOutput;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
