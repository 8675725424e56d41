using System.Security.Cryptography;
using Pipeline.EndToEnd.Tests.Delivery;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>
/// The <c>.gitlab-ci.yml</c> that <c>./build.sh --generate-ci</c> writes, run end to end by gitlab-ci-local in a
/// repository whose origin is a bare repository: the build job makes the candidate, the QA job verifies the artifact
/// it downloads and deploys it, the manual release job promotes it, the records travel through origin.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class GitLabPipelineTests : IDisposable
{
    /// <summary>Who runs the pipelines and starts the manual release job (GITLAB_USER_EMAIL); the commits are <see cref="DeliveryRepo.Author"/>'s.</summary>
    private const string Approver = DeliveryRepo.Approver;

    // Outside the repository: each job works in its own copy of it, and release reads back what QA holds.
    private readonly TempRepo _outside = new(script: null);

    private string Qa => _outside.Path("qa");

    private string Production => _outside.Path("production");

    public void Dispose() => _outside.Dispose();

    [Fact]
    public async Task The_generated_pipeline_builds_verifies_the_artifact_in_qa_and_the_manual_job_releases_the_bytes_qa_passed()
    {
        using var repo = await GitLabRepository();
        using var origin = await SharedOrigin.ForAsync(repo);
        await repo.GitAsync("remote", "set-head", "origin", "main");
        var gitlab = await GeneratedPipelineAsync(repo);

        var pipeline = await gitlab.RunAsync();

        Assert.True(pipeline.ExitCode == 0, $"The pipeline failed:{Environment.NewLine}{pipeline.Describe()}");
        var built = repo.Repository.Path(".gitlab-ci-local/builds/build/artifacts/packages");
        var downloaded = repo.Repository.Path(".gitlab-ci-local/builds/publish-qa/artifacts/packages");
        Assert.Equal(Digests(built), Digests(downloaded));
        Assert.Contains("publish-qa $ ./build.sh --verify-artifact artifacts/packages --expect-digest \"$candidate_digest\"", pipeline.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Verified artifacts/packages: candidate", pipeline.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("○ Package skipped: --skip", pipeline.StandardOutput, StringComparison.Ordinal);
        var version = Assert.Single(Versions(Qa));
        Assert.False(Directory.Exists(Production), "The release job waits for a person: it must not have run.");

        var release = await gitlab.RunAsync("--manual", "release", "release");

        Assert.True(release.ExitCode == 0, $"The manual release job failed:{Environment.NewLine}{release.Describe()}");
        Assert.Contains($"approved by {Approver}", release.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Digests(built), Digests(Path.Combine(Qa, version)));
        Assert.Equal(Digests(Path.Combine(Qa, version)), Digests(Path.Combine(Production, version)));
    }

    [Fact]
    public async Task A_second_pipeline_sees_the_first_release_in_the_records_on_origin()
    {
        using var repo = await GitLabRepository();
        using var origin = await SharedOrigin.ForAsync(repo);
        await repo.GitAsync("remote", "set-head", "origin", "main");
        var gitlab = await GeneratedPipelineAsync(repo);
        var first = await gitlab.RunAsync("--manual", "release");
        Assert.True(first.ExitCode == 0, $"The first pipeline failed:{Environment.NewLine}{first.Describe()}");
        var firstVersion = Assert.Single(Versions(Production));

        File.AppendAllText(repo.Repository.Path("src/App/Greeting.cs"), "// a change worth a release\n");
        await repo.GitAsync("add", "-A");
        await repo.GitAsync("-c", $"user.email={DeliveryRepo.Author}", "commit", "--quiet", "-m", "Change the greeting");
        await repo.GitAsync("push", "--quiet", "origin", "main");
        var second = await gitlab.RunAsync("--manual", "release");

        Assert.True(second.ExitCode == 0, $"The second pipeline failed:{Environment.NewLine}{second.Describe()}");
        var secondVersion = Assert.Single(Versions(Production).Except([firstVersion]));
        Assert.Contains("no-downgrade", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(firstVersion, second.StandardOutput.Split('\n').Single(line => line.Contains("no-downgrade", StringComparison.Ordinal)), StringComparison.Ordinal);
        var history = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_RECORDS"] = "git" }, "--history", "production");
        history.ShouldExitWith(0);
        history.OutputShouldContain(firstVersion);
        history.OutputShouldContain(secondVersion);
    }

    /// <summary>
    /// The delivery repository (Package copies the library and writes the manifest; PublishQa; Release with the default
    /// policy) with both environments in folders outside it, GitLab declared, and a build.sh that starts the runner
    /// these tests were built with.
    /// </summary>
    private async Task<DeliveryRepo> GitLabRepository()
    {
        var repo = await DeliveryRepo.CreateAsync(
            production: $".DeploysWith(new FolderDeployer(AbsolutePath.From(\"{Production}\")))",
            extra: $"""
                qa.DeploysWith(new FolderDeployer(AbsolutePath.From("{Qa}")));
                Ci.GitLab();
                """,
            packed: false);
        RunnerBuildSh.WriteTo(repo.Root);
        File.AppendAllText(repo.Repository.Path(".gitignore"), ".gitlab-ci-local/\n.nuget/\n");
        await repo.CommitAllAsync("Add build.sh");
        return repo;
    }

    /// <summary><c>./build.sh --generate-ci</c>, committed and pushed; the pipelines run as <see cref="Approver"/>.</summary>
    private async Task<GitLabCiLocal> GeneratedPipelineAsync(DeliveryRepo repo)
    {
        var generated = await repo.RunAsync("--generate-ci");
        generated.ShouldExitWith(0);
        generated.OutputShouldContain("Wrote: .gitlab-ci.yml");
        await repo.CommitAllAsync("Generate the CI configuration");
        await repo.GitAsync("push", "--quiet", "origin", "main");
        await repo.GitAsync("config", "user.email", Approver);
        return await GitLabCiLocal.ForAsync(repo.Root, _outside.CreateFolder("gitlab-ci-local"));
    }

    /// <summary>The versions deployed to an environment's folder (a folder each, beside the <c>current</c> marker).</summary>
    private static List<string> Versions(string folder) =>
        [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(name => name != "current").Order(StringComparer.Ordinal)];

    /// <summary>Each file's SHA-256 by its path relative to <paramref name="folder"/>.</summary>
    private static SortedDictionary<string, string> Digests(string folder)
    {
        Assert.True(Directory.Exists(folder), $"{folder} does not exist.");
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            digests[Path.GetRelativePath(folder, file)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }

        Assert.NotEmpty(digests);
        return digests;
    }
}
