using System.Runtime.CompilerServices;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>
/// The golden <c>.gitlab-ci.yml</c> of the unit tests' sample script, checked by gitlab-ci-local: GitLab's JSON schema,
/// and which jobs its rules start for a push to the default branch and for a merge request.
/// </summary>
public sealed class GitLabSchemaTests : IDisposable
{
    private readonly TempRepo _repo = new(script: null);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task The_golden_sample_passes_the_schema_check_and_a_push_to_main_runs_build_qa_and_the_manual_release()
    {
        var gitlab = await RepositoryWithAsync(GoldenSample());

        var listed = await gitlab.RunAsync("--list");

        Assert.True(listed.ExitCode == 0, $"gitlab-ci-local refused the golden sample:{Environment.NewLine}{listed.Describe()}");
        Assert.Equal(
            [("build", "on_success", "[]"), ("publish-qa", "on_success", "[build]"), ("release", "manual", "[publish-qa]")],
            Jobs(listed.StandardOutput));
    }

    [Fact]
    public async Task A_merge_request_pipeline_of_the_golden_sample_runs_only_the_build()
    {
        var gitlab = await RepositoryWithAsync(GoldenSample());

        var listed = await gitlab.RunAsync(
            "--list", "--variable", "CI_PIPELINE_SOURCE=merge_request_event", "--variable", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main");

        Assert.True(listed.ExitCode == 0, listed.Describe());
        Assert.Equal([("build", "on_success", "[]")], Jobs(listed.StandardOutput));
    }

    [Fact]
    public async Task A_file_outside_gitlabs_schema_fails_the_check()
    {
        var gitlab = await RepositoryWithAsync(GoldenSample().Replace("resource_group: production", "resource_group: [production]", StringComparison.Ordinal));

        var listed = await gitlab.RunAsync("--list");

        Assert.NotEqual(0, listed.ExitCode);
        Assert.Contains("'resource_group' property type must be string", listed.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The verified golden file of <c>GitLabCiWriterTests</c> (tests/Pipeline.Tests/CiGeneration/GitLab).</summary>
    private static string GoldenSample([CallerFilePath] string thisFile = "")
    {
        var path = Path.GetFullPath(Path.Combine(
            Path.GetDirectoryName(thisFile)!, "..", "..", "Pipeline.Tests", "CiGeneration", "GitLab",
            "GitLabCiWriterTests.Sample_delivery_pipeline_is_written_as_the_golden_gitlab_ci_file.gitlab-ci.yml.verified.txt"));
        Assert.True(File.Exists(path), $"The golden sample {path} is missing.");
        return File.ReadAllText(path);
    }

    /// <summary>A git repository on <c>main</c> holding <paramref name="gitlabCi"/> as its <c>.gitlab-ci.yml</c>, as gitlab-ci-local reads one.</summary>
    private async Task<GitLabCiLocal> RepositoryWithAsync(string gitlabCi)
    {
        File.WriteAllText(_repo.Path(".gitlab-ci.yml"), gitlabCi);
        foreach (var git in new[] { new[] { "init", "--quiet", "--initial-branch=main" }, ["add", "-A"], ["-c", "user.email=author@example.com", "-c", "user.name=Author", "commit", "--quiet", "-m", "CI"] })
        {
            var result = await ChildProcess.RunAsync("git", git, _repo.Root);
            Assert.True(result.ExitCode == 0, result.Describe());
        }

        return await GitLabCiLocal.ForAsync(_repo.Root, _repo.CreateFolder(".state"));
    }

    /// <summary>The jobs of <c>--list</c>'s table: name, when, needs.</summary>
    private static List<(string Name, string When, string Needs)> Jobs(string listing) =>
    [
        .. listing.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SkipWhile(columns => columns is not ["name", ..])
            .Skip(1)
            .Where(columns => columns.Length == 5)
            .Select(columns => (columns[0], columns[2], columns[4])),
    ];
}
