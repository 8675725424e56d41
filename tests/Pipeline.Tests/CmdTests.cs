namespace Pipeline.Tests;

public class CmdTests
{
    private static readonly CommandOptions Quiet = new() { Quiet = true };

    [Fact]
    public async Task Standard_output_and_error_are_captured_separately()
    {
        var result = await Cmd.RunAsync("bash", ["-c", "echo out1; echo err1 >&2; echo out2"], Quiet);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"out1{Environment.NewLine}out2{Environment.NewLine}", result.StandardOutput);
        Assert.Equal($"err1{Environment.NewLine}", result.StandardError);
    }

    [Fact]
    public async Task Arguments_are_passed_verbatim_without_a_shell()
    {
        var result = await Cmd.RunAsync("printf", ["%s|", "two words", "$HOME", "it's", "*"], Quiet);

        Assert.Equal("two words|$HOME|it's|*|", result.StandardOutput.TrimEnd());
    }

    [Fact]
    public async Task Output_is_captured_even_when_it_is_also_echoed_to_the_log()
    {
        var result = await Cmd.RunAsync("bash", ["-c", "echo visible"]);

        Assert.Equal($"visible{Environment.NewLine}", result.StandardOutput);
    }

    [Fact]
    public async Task A_non_zero_exit_code_throws_with_the_code_and_the_command_line()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Cmd.RunAsync("bash", ["-c", "exit 7"], Quiet));

        Assert.Equal(7, error.ExitCode);
        Assert.StartsWith("Command exited with code 7: bash -c 'exit 7' (in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowNonZeroExitCode_returns_the_code_and_the_output()
    {
        var result = await Cmd.RunAsync(
            "bash",
            ["-c", "echo partial; exit 4"],
            new CommandOptions { AllowNonZeroExitCode = true, Quiet = true });

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"partial{Environment.NewLine}", result.StandardOutput);
    }

    [Fact]
    public async Task The_command_runs_in_the_given_working_directory()
    {
        using var temp = new TempDirectory();
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temp.Combine(marker), string.Empty);

        var result = await Cmd.RunAsync("ls", [], new CommandOptions { WorkingDirectory = temp.Path, Quiet = true });

        Assert.Equal(marker, result.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_failure_names_the_working_directory()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            Cmd.RunAsync("false", [], new CommandOptions { WorkingDirectory = temp.Path, Quiet = true }));

        Assert.EndsWith($"(in {temp.Path})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_are_added_to_the_inherited_environment()
    {
        var result = await Cmd.RunAsync(
            "bash",
            ["-c", "echo \"$PIPELINE_TEST_VALUE|${PATH:+has-path}\""],
            new CommandOptions { Environment = new Dictionary<string, string?> { ["PIPELINE_TEST_VALUE"] = "hello" }, Quiet = true });

        Assert.Equal("hello|has-path", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_null_environment_value_removes_the_variable()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PATH")));

        var result = await Cmd.RunAsync(
            "/bin/bash",
            ["-c", "echo \"${HOME-unset}\""],
            new CommandOptions { Environment = new Dictionary<string, string?> { ["HOME"] = null }, Quiet = true });

        Assert.Equal("unset", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_command_running_past_its_timeout_fails_saying_it_timed_out()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Cmd.RunAsync(
            "sleep",
            ["300"],
            new CommandOptions { Timeout = TimeSpan.FromMilliseconds(200), Quiet = true }).WaitAsync(Runs.HangGuard));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains("sleep 300", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ExitCode);
    }

    [Fact]
    public async Task A_timeout_kills_the_children_of_the_command_too()
    {
        using var temp = new TempDirectory();

        // The timeout counts from the start: on a loaded machine bash may not have started its child before it
        // ends, which proves nothing either way, so such a round is repeated with a longer timeout, not failed.
        foreach (var seconds in new[] { 3, 30, 300 })
        {
            var sleeping = new FirstOutputLine();
            var running = Cmd.RunAsync(
                "bash",
                ["-c", "sleep 300 & echo $!; wait"],
                new CommandOptions { Timeout = TimeSpan.FromSeconds(seconds), LogLine = sleeping.Take });
            int? pid = await Task.WhenAny(sleeping.Said, running).WaitAsync(Runs.HangGuard) == sleeping.Said ? await sleeping.ProcessIdAsync() : null;
            try
            {
                await Assert.ThrowsAsync<CommandFailedException>(() => running.WaitAsync(Runs.HangGuard));
                if (pid is { } grandchild)
                {
                    Assert.True(await ProcessProbe.WaitForExitAsync(grandchild, Runs.HangGuard), $"the grandchild process {grandchild} survived the timeout");
                    return;
                }
            }
            finally
            {
                if (pid is { } grandchild)
                {
                    ProcessProbe.Kill(grandchild);
                }
            }
        }

        Assert.Fail("bash did not start its child within any of the timeouts tried.");
    }

    [Fact]
    public async Task Cancelling_the_token_throws_operation_cancelled_not_a_command_failure()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new FirstOutputLine();

        var running = Cmd.RunAsync("bash", ["-c", "echo started; exec sleep 300"], new CommandOptions { LogLine = started.Take }, cancellation.Token);
        await started.Said.WaitAsync(Runs.HangGuard);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Runs.HangGuard));
    }

    [Fact]
    public async Task A_program_that_does_not_exist_fails_as_a_command_failure()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            Cmd.RunAsync("pipeline-no-such-program-" + Guid.NewGuid().ToString("N"), ["--version"], Quiet));

        Assert.Contains("could not start", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ExitCode);
    }

    [Fact]
    public async Task A_missing_working_directory_fails_as_a_command_failure()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            Cmd.RunAsync("true", [], new CommandOptions { WorkingDirectory = temp.Combine("missing"), Quiet = true }));

        Assert.Contains("could not start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_returns_the_trimmed_output()
    {
        var output = await Cmd.ReadAsync("bash", ["-c", "echo '  value  '; echo"]);

        Assert.Equal("value", output);
    }

    [Theory]
    [InlineData("a>b")]
    [InlineData("a<b")]
    [InlineData("*.cs")]
    [InlineData("file?.txt")]
    [InlineData("(x)")]
    [InlineData("#not-a-comment")]
    public void Arguments_with_shell_metacharacters_are_quoted(string argument)
    {
        Assert.Equal($"echo '{argument}'", CommandLineText.Format("echo", [argument]));
    }

    [Theory]
    [InlineData(new[] { "git", "status" }, "git status")]
    [InlineData(new[] { "git", "commit", "-m", "two words" }, "git commit -m 'two words'")]
    [InlineData(new[] { "echo", "it's" }, "echo 'it'\\''s'")]
    [InlineData(new[] { "echo", "" }, "echo ''")]
    [InlineData(new[] { "echo", "$HOME", "a;b", "a|b", "a&b" }, "echo '$HOME' 'a;b' 'a|b' 'a&b'")]
    public void Command_lines_are_shown_quoted_for_copy_and_paste(string[] parts, string expected)
    {
        Assert.Equal(expected, CommandLineText.Format(parts[0], parts[1..]));
    }
}
