using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

/// <summary>A secret's value never reaches stdout, stderr or the JSON summary, whatever prints it.</summary>
public sealed partial class SecretTests : IDisposable
{
    private const string Secret = "tok-7f3a9c2e41d8";

    private const string Script = """
        var token = Secret("deploy-token", "Token for the deployment API");

        var print = Target("PrintToken").Executes(() =>
        {
            Console.WriteLine($"token is {token.Value}");
            Console.Error.WriteLine($"stderr token {token.Value}");
            Console.Write("in pieces: " + token.Value!.Substring(0, 5));
            Console.WriteLine(token.Value!.Substring(5));
            WriteAtEnd($"deployed with {token.Value}");
        });
        var echo = Target("EchoToken").Executes(ct =>
            Cmd.RunAsync("bash", ["-c", "echo \"child says $1\"; echo \"child stderr $1\" >&2", "_", token.Value!], cancellationToken: ct));
        var failingCommand = Target("FailingCommand").Executes(ct =>
            Cmd.RunAsync("bash", ["-c", "exit 3", token.Value!], cancellationToken: ct));
        var throwing = Target("Throwing").Executes(() => throw new InvalidOperationException($"the API rejected {token.Value}"));
        var all = Target("All").DependsOn(print, echo, failingCommand, throwing);

        // Progress output flushes partial lines: every split point of the secret, on both streams.
        Target("FlushedInPieces").Executes(() =>
        {
            var value = token.Value!;
            for (var split = 1; split < value.Length; split++)
            {
                Console.Write($"out {split}: " + value.Substring(0, split));
                Console.Out.Flush();
                Console.WriteLine(value.Substring(split));
                Console.Error.Write($"err {split}: " + value.Substring(0, split));
                Console.Error.Flush();
                Console.Error.WriteLine(value.Substring(split));
            }
        });
        Target("ChildWritesInHalves").Executes(ct =>
            Cmd.RunAsync("bash", ["-c", "printf 'child: %s' \"${1:0:6}\"; sleep 0.5; printf '%s\\n' \"${1:6}\"", "_", token.Value!], cancellationToken: ct));
        Default(all);
        """;

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    /// <summary>The echoed command line with the secret masked; the mask may be shell-quoted.</summary>
    [GeneratedRegex(@"^> bash -c 'exit 3' '?\*\*\*\*'?$")]
    private static partial Regex MaskedFailingCommand();

    [Theory]
    [InlineData("--deploy-token VALUE")]
    [InlineData("--deploy-token=VALUE")]
    [InlineData("PIPELINE_DEPLOY_TOKEN")]
    public async Task Secret_is_masked_in_target_output_child_output_failing_command_lines_exceptions_and_the_summary(string source)
    {
        var environment = new Dictionary<string, string?>();
        List<string> arguments = ["--keep-going", "--summary-json", "summary.json"];
        switch (source)
        {
            case "--deploy-token VALUE":
                arguments.AddRange(["--deploy-token", Secret]);
                break;
            case "--deploy-token=VALUE":
                arguments.Add($"--deploy-token={Secret}");
                break;
            default:
                environment["PIPELINE_DEPLOY_TOKEN"] = Secret;
                break;
        }

        var result = await _repo.RunAsync(environment, [.. arguments]);

        result.ShouldExitWith(1);
        result.OutputShouldNotContain(Secret);
        result.OutputShouldNotContain(Secret[5..]);
        Assert.DoesNotContain(Secret, _repo.ReadText("summary.json"), StringComparison.Ordinal);

        // The masked text is still there, so the secret was used and printed, then masked.
        Assert.Contains("token is ****", result.OutputLines);
        result.ErrorShouldContain("stderr token ****");
        Assert.Contains("in pieces: ****", result.OutputLines);
        Assert.Contains("child says ****", result.OutputLines);
        result.ErrorShouldContain("child stderr ****");
        Assert.Contains(result.OutputLines, l => MaskedFailingCommand().IsMatch(l));
        Assert.Matches(@"^Command exited with code 3: bash -c 'exit 3' '?\*\*\*\*'? \(in ", result.DetailsOf("FailingCommand"));
        Assert.StartsWith("InvalidOperationException: the API rejected ****", result.DetailsOf("Throwing"), StringComparison.Ordinal);
        Assert.Equal("deployed with ****", result.LastOutputLine);
        Assert.Equal("succeeded", result.OutcomeOf("PrintToken"));
        Assert.Equal("succeeded", result.OutcomeOf("EchoToken"));
        Assert.Equal("failed", result.OutcomeOf("FailingCommand"));
        Assert.Equal("failed", result.OutcomeOf("Throwing"));
    }

        [Fact]
    public async Task Secret_containing_a_quote_is_masked_in_a_failing_command_line()
    {
        const string quoted = "pa'ss-7f3a9c2e41d8";

        var result = await _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = quoted }, "FailingCommand");

        result.ShouldExitWith(1);
        result.OutputShouldNotContain("7f3a9c2e41d8");
        Assert.Contains(result.OutputLines, l => MaskedFailingCommand().IsMatch(l));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public async Task Secret_flushed_in_two_pieces_is_masked_at_every_split_point_on_stdout_and_stderr(string parallelism)
    {
        var result = await _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = Secret }, "FlushedInPieces", "--parallel", parallelism);

        result.ShouldExitWith(0);
        result.OutputShouldNotContain(Secret);
        for (var split = 1; split < Secret.Length; split++)
        {
            Assert.Contains(result.OutputLines, line => line.EndsWith($"out {split}: ****", StringComparison.Ordinal));
            result.ErrorShouldContain($"err {split}: ****");
        }
    }

    [Fact]
    public async Task Secret_a_child_writes_in_two_halves_with_a_pause_between_is_masked()
    {
        var result = await _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = Secret }, "ChildWritesInHalves");

        result.ShouldExitWith(0);
        result.OutputShouldNotContain(Secret);
        result.OutputShouldNotContain(Secret[6..]);
        Assert.Contains("child: ****", result.OutputLines);
    }

    // Regression: Cmd relays child output line by line, so a multi-line secret (a key file) must be masked line by line too.
    [Fact]
    public async Task Multi_line_secret_is_masked_in_child_process_output()
    {
        const string key = "-----BEGIN KEY-----\nMIIEvQ-first-7f3a9c\nMIIEvQ-second-2e41d8\n-----END KEY-----";

        var result = await _repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_DEPLOY_TOKEN"] = key }, "EchoToken");

        result.ShouldExitWith(0);
        result.OutputShouldNotContain("MIIEvQ-first-7f3a9c");
        result.OutputShouldNotContain("MIIEvQ-second-2e41d8");
    }
}
