using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests;

public sealed class HelpTests
{
    private const string CommandLineSecret = "cli-s3cr3t-4b1d9e";
    private const string EnvironmentSecret = "env-s3cr3t-77c0aa";

    private const string Script = """
        var configuration = Parameter("configuration", "Debug", "Build configuration");
        var retries = Parameter("retries", 3, "How many times flaky steps are retried");
        var notes = RequiredParameter<string>("release-notes", "Notes for the release");
        var token = Secret("nuget-token", "API key for the package feed");
        var clean = Target("Clean").Description("Deletes the artifacts folder").Executes(() => File.WriteAllText("ran.marker", "x"));
        var compile = Target("Compile").Description("Compiles the solution").DependsOn(clean);
        var plumbing = Target("GeneratePlumbing").Description("Internal code generation").Hidden();
        Default(compile);
        """;

    [Fact]
    public async Task Help_lists_visible_targets_and_parameters_and_never_shows_secret_values()
    {
        using var repo = new TempRepo(Script);

        var result = await repo.RunAsync(
            new Dictionary<string, string?> { ["PIPELINE_NUGET_TOKEN"] = EnvironmentSecret },
            "--help",
            "--nuget-token",
            CommandLineSecret);

        // Help works even though the required --release-notes is missing: nothing is bound or run.
        result.ShouldExitWith(0);
        Assert.False(repo.Exists("ran.marker"));
        Assert.Equal(string.Empty, result.StandardError.Trim());

        var output = result.StandardOutput;
        Assert.Matches(new Regex(@"^\s*Clean\s+Deletes the artifacts folder\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s*Compile \(default\)\s+Compiles the solution\s+Clean\s*$", RegexOptions.Multiline), output);
        Assert.DoesNotContain("GeneratePlumbing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal code generation", output, StringComparison.Ordinal);

        // Parameter, type, default, environment variable, description.
        Assert.Matches(new Regex(@"^\s*--configuration\s+string\s+Debug\s+PIPELINE_CONFIGURATION\s+Build configuration\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s*--retries\s+int\s+3\s+PIPELINE_RETRIES\s+How many times flaky steps are retried\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s*--release-notes \(required\)\s+string\s+PIPELINE_RELEASE_NOTES\s+Notes for the release\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s*--nuget-token \(secret\)\s+string\s+PIPELINE_NUGET_TOKEN\s+API key for the package feed\s*$", RegexOptions.Multiline), output);

        result.OutputShouldContain("--keep-going");
        result.OutputShouldContain("--summary-json FILE");
        result.OutputShouldNotContain(CommandLineSecret);
        result.OutputShouldNotContain(EnvironmentSecret);
    }

    [Fact]
    public async Task Redirected_help_has_no_trailing_blanks_and_names_every_exit_code()
    {
        using var repo = new TempRepo(Script);

        var result = await repo.RunAsync("--help");

        result.ShouldExitWith(0);
        var lines = result.StandardOutput.Split('\n');
        Assert.All(lines, line => Assert.False(line.EndsWith(' '), $"A line ends in blanks: '{line}'"));
        var exitCodes = Assert.Single(lines, line => line.StartsWith("Exit codes:", StringComparison.Ordinal));
        foreach (var code in typeof(ExitCodes).GetFields().Select(field => (int)field.GetRawConstantValue()!))
        {
            Assert.Matches(new Regex($@"[ :]{code} "), exitCodes);
        }
    }
}
