namespace Pipeline.Tests;

/// <summary>Both ways of asking git (the synchronous one for lazy properties, the async one for delivery) answer alike.</summary>
public sealed class GitOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Both_reads_give_the_trimmed_answer_and_null_where_git_fails_or_says_nothing()
    {
        await Cmd.RunAsync("git", ["init", "--quiet", _temp.Path], new CommandOptions { Quiet = true });
        await Cmd.RunAsync("git", ["config", "user.email", "dev@example.com"], new CommandOptions { WorkingDirectory = _temp.Path, Quiet = true });

        Assert.Equal("dev@example.com", GitOutput.Read(_temp.Path, "config", "user.email"));
        Assert.Equal("dev@example.com", await GitOutput.ReadAsync(_temp.Path, CancellationToken.None, "config", "user.email"));

        // A clean tree: git succeeds and says nothing.
        Assert.Null(GitOutput.Read(_temp.Path, "status", "--porcelain"));
        Assert.Null(await GitOutput.ReadAsync(_temp.Path, CancellationToken.None, "status", "--porcelain"));

        // No commit yet: git fails.
        Assert.Null(GitOutput.Read(_temp.Path, "rev-parse", "HEAD"));
        Assert.Null(await GitOutput.ReadAsync(_temp.Path, CancellationToken.None, "rev-parse", "HEAD"));
    }

    [Fact]
    public async Task A_working_directory_that_does_not_exist_reads_as_null()
    {
        var missing = _temp.Combine("gone");

        Assert.Null(GitOutput.Read(missing, "status"));
        Assert.Null(await GitOutput.ReadAsync(missing, CancellationToken.None, "status"));
    }
}
