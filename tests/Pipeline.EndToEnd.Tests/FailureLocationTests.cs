using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>
/// A failing target's line names every failure it had and the script line each came from, including
/// failures that happen after the script's lambda has returned.
/// </summary>
public sealed class FailureLocationTests
{
    private const string Secret = "tok-5e1b7d90c3a2";

    [Fact]
    public async Task Every_failure_of_concurrent_work_is_shown_masked_with_its_own_script_line()
    {
        using var repo = new TempRepo("""
            var token = Secret("deploy-token", "Token for the deployment API");
            async Task Compile(string project) { await Task.Yield(); throw new InvalidOperationException($"{project} broke"); }
            async Task Upload() { await Task.Yield(); throw new IOException($"denied {token.Value}"); }
            var all = Target("All").Executes(() => Task.WhenAll(Compile("App"), Upload()));
            Default(all);
            """);

        var result = await repo.RunAsync("--deploy-token", Secret);

        result.ShouldExitWith(1);
        // Task.WhenAll lists the failures in the order the tasks failed in.
        var failure = Assert.Single(result.OutputLines, line => line.Contains("All failed: ", StringComparison.Ordinal));
        Assert.Contains("All failed: 2 errors: ", failure, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: App broke (at build/build.csx:line 2)", failure, StringComparison.Ordinal);
        Assert.Contains("IOException: denied **** (at build/build.csx:line 3)", failure, StringComparison.Ordinal);
        result.OutputShouldNotContain(Secret);
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Every_exception_of_a_thrown_AggregateException_is_shown_at_the_line_that_threw_them()
    {
        using var repo = new TempRepo("""
            var token = Secret("deploy-token", "Token for the deployment API");
            var deploy = Target("Deploy").Executes(() =>
            {
                var problems = new List<Exception> { new IOException("eu down"), new TimeoutException($"us {token.Value}") };
                throw new AggregateException("2 regions", problems);
            });
            Default(deploy);
            """);

        var result = await repo.RunAsync("--deploy-token", Secret);

        result.ShouldExitWith(1);
        result.OutputShouldContain("Deploy failed: 2 regions (2 errors): IOException: eu down (at build/build.csx:line 5); TimeoutException: us **** (at build/build.csx:line 5)");
        result.OutputShouldNotContain(Secret);
        result.ShouldShowNoStackTrace();
    }

    [Fact]
    public async Task Failing_command_of_an_expression_bodied_body_is_shown_at_its_Executes_line()
    {
        using var repo = new TempRepo("""
            #load "lib/publish.csx"
            var test = Target("Test")
                .Description("Runs the tests.")
                .Executes(ct => Cmd.RunAsync("bash", ["-c", "exit 4"], cancellationToken: ct));
            Default(test);
            """);
        repo.CreateFolder("build/lib");
        File.WriteAllText(repo.Path("build/lib/publish.csx"), """
            // Declared in a loaded file: the line is that file's.
            var publish = Target("Publish").Executes(ct => Cmd.RunAsync("bash", ["-c", "exit 5"], cancellationToken: ct));
            """);

        var test = await repo.RunAsync("--host", "github-actions", "Test");
        var publish = await repo.RunAsync("Publish");

        test.ShouldExitWith(1);
        test.OutputShouldContain("Test failed: Command exited with code 4: bash -c 'exit 4' (in ");
        Assert.EndsWith(") (at build/build.csx:line 4)", test.DetailsOf("Test"), StringComparison.Ordinal);
        test.OutputShouldContain("::error file=build/build.csx,line=4,title=Target Test::Test failed: Command exited with code 4");
        publish.ShouldExitWith(1);
        Assert.EndsWith(") (at build/lib/publish.csx:line 2)", publish.DetailsOf("Publish"), StringComparison.Ordinal);
    }
}
