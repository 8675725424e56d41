using System.Diagnostics;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// <c>Identity</c> in a script: normalised from the host's variables on CI (here a GitHub pull request), and
/// read from git on a developer's machine (here a repository whose HEAD is tagged <c>v1.0.0</c>).
/// </summary>
public sealed class BuildIdentityTests(BuildIdentityTests.TaggedGitRepo git) : IClassFixture<BuildIdentityTests.TaggedGitRepo>
{
    private const string Script = """
        var show = Target("ShowIdentity").Executes(() =>
        {
            Console.WriteLine($"identity host={Identity.Host}");
            Console.WriteLine($"identity ref={Identity.Ref}");
            Console.WriteLine($"identity branch={Identity.Branch}");
            Console.WriteLine($"identity tag={Identity.Tag}");
            Console.WriteLine($"identity commit={Identity.Commit}");
            Console.WriteLine($"identity pull-request={Identity.PullRequest?.Number}");
            Console.WriteLine($"identity is-local={Identity.IsLocal}");
        });
        Default(show);
        """;

    [Fact]
    public async Task GitHub_pull_request_identity_comes_from_the_hosts_variables_even_in_a_tagged_git_checkout()
    {
        var run = await HostRun.StartAsync(git.Repo, HostFixtures.GitHubPullRequest);

        run.Result.ShouldExitWith(0);
        Assert.Equal(
            [
                "identity host=github-actions",
                "identity ref=refs/pull/42/merge",
                "identity branch=feature/login",
                "identity tag=",
                $"identity commit={HostFixtures.MergeCommit}",
                "identity pull-request=42",
                "identity is-local=False",
            ],
            IdentityLines(run));
    }

    [Fact]
    public async Task Local_identity_comes_from_git()
    {
        var run = await HostRun.StartAsync(git.Repo, HostFixtures.For("local"));

        run.Result.ShouldExitWith(0);

        // A tagged HEAD is a tag build locally too: no branch, as on the CI hosts.
        Assert.Equal(
            [
                "identity host=local",
                "identity ref=refs/tags/v1.0.0",
                "identity branch=",
                "identity tag=v1.0.0",
                $"identity commit={git.Head}",
                "identity pull-request=",
                "identity is-local=True",
            ],
            IdentityLines(run));
        Assert.Matches("^[0-9a-f]{40}$", git.Head);
    }

    private static List<string> IdentityLines(HostRun run) =>
        [.. run.Result.OutputLines.Where(l => l.StartsWith("identity ", StringComparison.Ordinal))];

    /// <summary>A temporary git repository with the script committed on <c>main</c> and HEAD tagged <c>v1.0.0</c>.</summary>
    public sealed class TaggedGitRepo : IDisposable
    {
        public TaggedGitRepo()
        {
            Repo = new TempRepo(Script);
            Git("init", "--quiet", "--initial-branch=main");
            Git("add", "build/build.csx");
            Git("commit", "--quiet", "--no-gpg-sign", "-m", "Add the build script");
            Git("tag", "v1.0.0");
            Head = Git("rev-parse", "HEAD");
        }

        public TempRepo Repo { get; }

        public string Head { get; }

        public void Dispose() => Repo.Dispose();

        /// <summary>Runs git in the repository without the machine's git configuration; returns its trimmed output.</summary>
        private string Git(params string[] arguments)
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = Repo.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Pipeline Tests";
            start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "tests@pipeline.example";
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} exited with {git.ExitCode}: {error.Result}");
            return output.Trim();
        }
    }
}
