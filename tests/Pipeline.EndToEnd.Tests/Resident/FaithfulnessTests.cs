using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// A run through the native client and the resident runner prints what the same run prints in-process, byte for byte,
/// and exits with the same code: help, plans, a failing target, usage errors, a masked secret, a parallel run, an
/// up-to-date replay, Ctrl+C. Each test runs the build both ways in one repository (emptied but for the script before
/// each run, so both start from the same files) and compares; only durations (and a child's pid) are normalised.
/// </summary>
public sealed partial class FaithfulnessTests(SharedRepo shared, SharedResidentRunners resident) : IClassFixture<SharedRepo>, IClassFixture<SharedResidentRunners>
{
    private const string Secret = "tok-7f3a9c2e41d8";

    private const string SleepingAs = "sleeping as ";

    // One script for every test, so it is compiled once for the class, in-process and in the runner.
    private const string Script = """
        var token = Secret("deploy-token", "Token for the deployment API");
        var retries = Parameter("retries", 3, "How many times flaky steps are retried");

        var compile = Target("Compile")
            .Inputs("src/**/*.txt")
            .Outputs("out/")
            .Executes(() =>
            {
                Console.WriteLine("compiling");
                Directory.CreateDirectory("out");
                File.WriteAllText("out/app.bin", string.Concat(Directory.EnumerateFiles("src", "*.txt").Order().Select(File.ReadAllText)));
                WriteAtEnd("Compile: 1 output");
            });
        var test = Target("Test").DependsOn(compile).Executes(() =>
        {
            Console.WriteLine("running the tests");
            Console.Error.WriteLine("a warning on standard error");
            throw new InvalidOperationException("3 tests failed");
        });
        var publish = Target("Publish").DependsOn(test).Executes(() => Console.WriteLine("publishing"));

        var print = Target("PrintToken").Executes(ct =>
        {
            Console.WriteLine($"token is {token.Value}");
            Console.Error.WriteLine($"stderr token {token.Value}");
            WriteAtEnd($"deployed with {token.Value}");
            return Cmd.RunAsync("bash", ["-c", "echo \"child says $1\"; echo \"child stderr $1\" >&2", "_", token.Value!], cancellationToken: ct);
        });

        async Task Meet(string self, string other)
        {
            Directory.CreateDirectory("markers");
            File.WriteAllText(Path.Combine("markers", self + ".running"), self);
            Console.WriteLine($"{self} started");
            while (!File.Exists(Path.Combine("markers", other + ".running")))
            {
                await Task.Delay(20);
            }

            await Cmd.RunAsync("echo", [$"{self} says hello from a child process"]);
            Console.WriteLine($"{self} saw {other} running");
        }

        var left = Target("Left").Executes(() => Meet("Left", "Right"));
        var right = Target("Right").Executes(() => Meet("Right", "Left"));
        var both = Target("Both").DependsOn(left, right).Executes(() => Console.WriteLine("both done"));

        var longRunning = Target("LongRunning").Executes(async ct =>
        {
            await Cmd.RunAsync("bash", ["-c", "sleep 300 & echo \"sleeping as\" $!; wait"], cancellationToken: ct);
        });
        var report = Target("Report").AlwaysRun().After(longRunning).Executes(() => File.WriteAllText("report.marker", "ran"));
        WriteAtEnd("closing line");
        Default(compile);
        """;

    private readonly TempRepo _repo = shared.With(Script);

    private ResidentRunners Runners => resident.Runners;

    [Theory]
    [InlineData("--help")]
    [InlineData("--plan")]
    [InlineData("--plan --json")]
    [InlineData("Publish --plan")]
    public Task Help_and_plans_are_the_same_bytes_both_ways(string arguments) =>
        BothWaysAsync(arguments.Split(' '), expectedExitCode: 0);

    [Fact]
    public Task A_failing_target_is_the_same_bytes_and_exit_code_1_both_ways() =>
        BothWaysAsync(["Publish"], expectedExitCode: 1);

    [Theory]
    [InlineData("Compiel")]
    [InlineData("Compile --retires 2")]
    [InlineData("--retries abc")]
    public Task A_usage_error_is_the_same_bytes_and_exit_code_2_both_ways(string arguments) =>
        BothWaysAsync(arguments.Split(' '), expectedExitCode: 2);

    [Fact]
    public async Task A_secret_is_masked_the_same_way_both_ways()
    {
        var (inProcess, through) = await BothWaysAsync(["PrintToken"], expectedExitCode: 0, new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = Secret });

        foreach (var result in new[] { inProcess, through })
        {
            result.OutputShouldNotContain(Secret);
            result.OutputShouldContain("child says ****");
        }
    }

    [Fact]
    public async Task A_parallel_run_prints_the_same_lines_both_ways()
    {
        // Which of two targets running at once writes first is up to the scheduler: the lines are compared, in order per target.
        var inProcess = await RunAsync(["--parallel", "2", "Both"], through: null);
        var through = await RunAsync(["--parallel", "2", "Both"], through: Runners);

        inProcess.ShouldExitWith(0);
        SameBytes.ShouldMatch(inProcess, through, text => Sorted(Normalise(text)));
        foreach (var target in new[] { "Left", "Right" })
        {
            SameBytes.ShouldMatch($"lines of {target}", LinesOf(target, inProcess), LinesOf(target, through));
        }
    }

    [Fact]
    public async Task An_up_to_date_run_replays_the_same_bytes_both_ways()
    {
        _repo.CreateFolder("src");
        File.WriteAllText(_repo.Path("src/app.txt"), "app");
        (await RunAsync(["Compile"], through: null, fresh: false)).ShouldExitWith(0);

        // Both runs find Compile up to date and replay its output; neither changes what the other finds.
        var inProcess = await RunAsync(["Compile"], through: null, fresh: false);
        var through = await RunAsync(["Compile"], through: Runners, fresh: false);

        Assert.Equal("up to date", inProcess.OutcomeOf("Compile"));
        SameBytes.ShouldMatch(inProcess, through, Normalise);
    }

    [Fact]
    public async Task Ctrl_c_cancels_with_the_same_bytes_and_exit_code_130_both_ways()
    {
        var inProcess = await InterruptAsync(through: null);
        var through = await InterruptAsync(through: Runners);

        inProcess.ShouldExitWith(130);
        Assert.Equal("cancelled", inProcess.OutcomeOf("LongRunning"));
        SameBytes.ShouldMatch(inProcess, through, text => SleepingPid().Replace(Normalise(text), SleepingAs + "<pid>"));
    }

    /// <summary>Starts LongRunning, sends SIGINT (to the runner, or to the client) once its grandchild sleeps, and waits for the end.</summary>
    private async Task<RunnerResult> InterruptAsync(ResidentRunners? through)
    {
        shared.With(Script);
        await using var run = PipelineRunner.Start(_repo.Root, ["LongRunning", "Report"], LocalEnvironment(null), restoreDefaultInterrupt: true, through: through);
        var sleepPid = int.Parse((await run.SaysAsync(SleepingAs)).Split(SleepingAs)[1], CultureInfo.InvariantCulture);
        try
        {
            ProcessTools.Send("INT", run.ProcessId);
            var result = await run.Completion;
            if (through is not null)
            {
                RouteChecks.ShouldHaveARunnerListening(through, result);
            }
            Assert.True(
                await ProcessProbe.WaitForExitAsync(sleepPid, HangGuard.Default, "sleep"),
                $"The grandchild 'sleep 300' (pid {sleepPid}) outlived the cancelled run{(through is null ? string.Empty : " through the resident runner")}.{Environment.NewLine}{result}");
            return result;
        }
        finally
        {
            ProcessProbe.Kill(sleepPid, "sleep");
        }
    }

    private async Task<(RunnerResult InProcess, RunnerResult Through)> BothWaysAsync(
        string[] arguments, int expectedExitCode, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var inProcess = await RunAsync(arguments, through: null, environment);
        var through = await RunAsync(arguments, through: Runners, environment);

        inProcess.ShouldExitWith(expectedExitCode);
        inProcess.ShouldShowNoStackTrace();
        SameBytes.ShouldMatch(inProcess, through, Normalise);
        return (inProcess, through);
    }

    /// <summary>
    /// One run as a local run (no CI host's variables, also on CI), <paramref name="fresh"/>: from the script alone, the
    /// repository emptied first, so the second run of a pair does not find what the first left (its recorded state).
    /// </summary>
    private async Task<RunnerResult> RunAsync(string[] arguments, ResidentRunners? through, IReadOnlyDictionary<string, string?>? environment = null, bool fresh = true)
    {
        if (fresh)
        {
            shared.With(Script);
        }

        var result = await PipelineRunner.RunAsync(_repo.Root, arguments, LocalEnvironment(environment), through);
        if (through is not null)
        {
            RouteChecks.ShouldHaveARunnerListening(through, result);
        }

        return result;
    }

    private Dictionary<string, string?> LocalEnvironment(IReadOnlyDictionary<string, string?>? overrides)
    {
        var variables = HostFixtures.Environment(HostFixtures.For("local"), _repo.Root);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return variables;
    }

    private string Normalise(string text) => HostRun.Normalise(text, _repo.Root);

    private static string Sorted(string text) => string.Join('\n', text.Split('\n').Order(StringComparer.Ordinal));

    private string LinesOf(string target, RunnerResult result) =>
        string.Join('\n', Normalise(result.StandardOutput).Split('\n').Where(l => l.StartsWith($"[{target}]", StringComparison.Ordinal)));

    [GeneratedRegex(SleepingAs + @"\d+")]
    private static partial Regex SleepingPid();
}
