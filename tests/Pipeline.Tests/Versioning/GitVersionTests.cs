using System.Diagnostics;
using Pipeline.Versioning;

namespace Pipeline.Tests.Versioning;

public sealed class GitVersionTests : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("pipeline-version-").FullName;

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    [Fact]
    public void Without_tags_the_version_is_zero_alpha_with_the_commit_count()
    {
        Init();
        Commit();
        Commit();

        var result = GitVersion.Calculate(_repository);

        Assert.Equal("0.0.0-alpha.0.2", result.Version.ToNormalizedString());
        Assert.Null(result.Tag);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2.3")]
    public void A_tagged_commit_has_the_tag_version(string tag)
    {
        Init();
        Commit();
        Git("tag", tag);

        Assert.Equal("1.2.3", GitVersion.Calculate(_repository).Version.ToNormalizedString());
    }

    [Fact]
    public void Commits_after_a_release_tag_are_a_prerelease_of_the_next_patch()
    {
        Init();
        Commit();
        Git("tag", "v1.2.3");
        Commit();
        Commit();

        var result = GitVersion.Calculate(_repository);

        Assert.Equal("1.2.4-alpha.0.2", result.Version.ToNormalizedString());
        Assert.Equal(2, result.Height);
        Assert.Equal("1.2.3", result.Tag!.ToNormalizedString());
    }

    [Fact]
    public void Commits_after_a_prerelease_tag_extend_its_prerelease_with_the_height()
    {
        Init();
        Commit();
        Git("tag", "2.0.0-rc.1");
        Commit();

        Assert.Equal("2.0.0-rc.1.1", GitVersion.Calculate(_repository).Version.ToNormalizedString());
    }

    [Fact]
    public void Of_several_version_tags_on_a_commit_the_highest_wins()
    {
        Init();
        Commit();
        Git("tag", "1.9.0");
        Git("tag", "v1.10.0");
        Git("tag", "1.10.0-beta.1");

        Assert.Equal("1.10.0", GitVersion.Calculate(_repository).Version.ToNormalizedString());
    }

    [Fact]
    public void Tags_that_are_not_versions_are_ignored()
    {
        Init();
        Commit();
        Git("tag", "v1.0.0");
        Commit();
        Git("tag", "release-candidate");

        Assert.Equal("1.0.1-alpha.0.1", GitVersion.Calculate(_repository).Version.ToNormalizedString());
    }

    [Fact]
    public void Outside_a_repository_the_version_is_zero_with_a_warning()
    {
        var result = GitVersion.Calculate(_repository);

        Assert.Equal("0.0.0-alpha.0", result.Version.ToNormalizedString());
        Assert.NotNull(result.Warning);
    }

    [Fact]
    public void A_shallow_clone_is_reported()
    {
        Init();
        Commit();
        Commit();
        var clone = Path.Combine(_repository, "shallow");
        Git("clone", "--quiet", "--depth", "1", $"file://{_repository}", clone);

        var result = GitVersion.Calculate(clone);

        Assert.Contains("shallow", result.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("1.2.3-beta.4+build.5", "1.2.3-beta.4")]
    [InlineData("release", null)]
    [InlineData("v1.2", null)]
    public void Tags_parse_as_SemVer_with_an_optional_v(string tag, string? expected) =>
        Assert.Equal(expected, GitVersion.Parse(tag)?.ToNormalizedString());

    private void Init() => Git("init", "--quiet", "--initial-branch=main");

    private void Commit() => Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty", "-m", "change");

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repository, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
    }
}
