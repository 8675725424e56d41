using Pipeline.Hosts;

namespace Pipeline.Tests.Hosts;

/// <summary>HEAD read from the repository's files says what git says, and leaves to git what the files cannot tell for certain.</summary>
public sealed class GitHeadFilesTests : IDisposable
{
    private readonly TempDirectory _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_branch_with_a_lightweight_tag_reads_as_git_says()
    {
        await CommitAsync("first");
        await GitAsync("tag", "v1.0.0");

        var facts = await ShouldMatchGitAsync();

        Assert.Equal("main", facts.Branch);
        Assert.Equal("v1.0.0", facts.Tag);
    }

    [Fact]
    public async Task An_annotated_tag_on_head_is_found_by_opening_its_tag_object_and_one_on_an_older_commit_is_not()
    {
        await CommitAsync("first");
        await GitAsync("tag", "-a", "v1.0.0", "-m", "first release");
        var tagged = await ShouldMatchGitAsync();
        Assert.Equal("v1.0.0", tagged.Tag);

        await CommitAsync("second");
        var untagged = await ShouldMatchGitAsync();

        Assert.True(untagged.TagKnown);
        Assert.Null(untagged.Tag);
    }

    [Fact]
    public async Task Packed_refs_give_the_branch_commit_and_the_peeled_annotated_tag()
    {
        await CommitAsync("first");
        await GitAsync("tag", "-a", "v2.0.0", "-m", "second release");
        await GitAsync("tag", "old-light");
        await CommitAsync("second");
        await GitAsync("tag", "-a", "v2.1.0", "-m", "third release");
        await GitAsync("pack-refs", "--all");
        Assert.False(Directory.Exists(_repository.Combine(".git/refs/tags/v2.1.0")) || File.Exists(_repository.Combine(".git/refs/tags/v2.1.0")));

        var facts = await ShouldMatchGitAsync();

        Assert.Equal("v2.1.0", facts.Tag);
    }

    [Fact]
    public async Task A_detached_head_has_no_branch()
    {
        await CommitAsync("first");
        await CommitAsync("second");
        await GitAsync("checkout", "--quiet", "--detach", "HEAD~1");

        var facts = await ShouldMatchGitAsync();

        Assert.Null(facts.Branch);
    }

    [Fact]
    public async Task Two_tags_on_head_or_a_tag_object_kept_in_a_pack_are_left_to_git()
    {
        await CommitAsync("first");
        await GitAsync("tag", "-a", "v1.0.0", "-m", "release");
        await GitAsync("repack", "-a", "-d", "--quiet");
        await GitAsync("prune-packed");
        await CommitAsync("second");

        // v1.0.0's ref is loose, its tag object is in a pack: whether it tags HEAD, only git can say.
        Assert.False(GitHeadFiles.Read(_repository.Path)!.TagKnown);

        await GitAsync("tag", "a");
        await GitAsync("tag", "b");
        Assert.False(GitHeadFiles.Read(_repository.Path)!.TagKnown);
        Assert.Equal(await GitAsync("rev-parse", "HEAD"), GitIdentity.Complete(new BuildIdentity { Host = "local" }, _repository.Path).Commit);
    }

    [Fact]
    public async Task A_linked_worktree_and_a_folder_without_git_are_left_to_git()
    {
        Assert.Null(GitHeadFiles.Read(_repository.Path));
        await CommitAsync("first");
        var linked = _repository.Combine("linked");
        await GitAsync("worktree", "add", "--quiet", linked);

        Assert.Null(GitHeadFiles.Read(linked));
    }

    [Fact]
    public async Task The_identity_of_a_local_run_is_the_same_with_or_without_the_files()
    {
        await CommitAsync("first");
        await GitAsync("tag", "-a", "v3.0.0", "-m", "release");

        var identity = GitIdentity.Complete(new BuildIdentity { Host = "local" }, _repository.Path);

        Assert.Equal(await GitAsync("rev-parse", "HEAD"), identity.Commit);
        Assert.Equal("v3.0.0", identity.Tag);
        Assert.Null(identity.Branch); // a tag build, as on the hosts
        Assert.Equal("refs/tags/v3.0.0", identity.Ref);
    }

    /// <summary>The facts, checked against git's own answers for the same questions GitIdentity asks it.</summary>
    private async Task<GitHeadFacts> ShouldMatchGitAsync()
    {
        var facts = GitHeadFiles.Read(_repository.Path);
        Assert.NotNull(facts);
        Assert.Equal(await GitAsync("rev-parse", "HEAD"), facts.Commit);
        var branch = await GitAsync("rev-parse", "--abbrev-ref", "HEAD");
        Assert.Equal(branch == "HEAD" ? null : branch, facts.Branch);
        Assert.True(facts.TagKnown);
        var described = await Cmd.RunAsync("git", ["describe", "--exact-match", "--tags", "HEAD"], new CommandOptions { WorkingDirectory = _repository.Path, Quiet = true, AllowNonZeroExitCode = true });
        Assert.Equal(described.ExitCode == 0 ? described.StandardOutput.Trim() : null, facts.Tag);
        return facts;
    }

    private async Task CommitAsync(string message)
    {
        if (!Directory.Exists(_repository.Combine(".git")))
        {
            await GitAsync("init", "--quiet", "--initial-branch=main");
        }

        await File.AppendAllTextAsync(_repository.Combine("file.txt"), message + "\n");
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.email=dev@example.com", "-c", "user.name=Dev", "commit", "--quiet", "-m", message);
    }

    private async Task<string> GitAsync(params string[] arguments)
    {
        var result = await Cmd.RunAsync(
            "git",
            arguments,
            new CommandOptions { WorkingDirectory = _repository.Path, Quiet = true, Environment = new Dictionary<string, string?> { ["GIT_COMMITTER_NAME"] = "Dev", ["GIT_COMMITTER_EMAIL"] = "dev@example.com" } });
        return result.StandardOutput.Trim();
    }
}
