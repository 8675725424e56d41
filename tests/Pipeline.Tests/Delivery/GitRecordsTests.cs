using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Pipeline.Secrets;

namespace Pipeline.Tests.Delivery;

/// <summary>The git backend against a real bare origin and two clones of it, as two CI runners would be.</summary>
public sealed class GitRecordsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SecretMasker _secrets = new();

    public GitRecordsTests()
    {
        Git(_temp.Path, "init", "--quiet", "--bare", "origin.git");
        foreach (var clone in new[] { "a", "b" })
        {
            Git(_temp.Path, "init", "--quiet", clone);
            Git(_temp.Combine(clone), "remote", "add", "origin", _temp.Combine("origin.git"));
        }
    }

    public void Dispose() => _temp.Dispose();

    private GitRecords Records(string clone) => new(AbsolutePath.From(_temp.Combine(clone)), "origin", RecordsBackend.DefaultReference);

    private Ledger LedgerIn(string clone) => new(new GitLedgerFile(Records(clone), "production"), "production");

    private static LedgerRecord Approval(string version) => new()
    {
        Kind = LedgerRecordKind.Approval,
        Environment = "production",
        Time = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        Who = "alice@example.com",
        WhoSource = "git config user.email",
        Version = version,
        Digest = "sha256:" + new string('b', 64),
        Host = "local",
        Outcome = LedgerOutcome.Recorded,
    };

    [Fact]
    public void A_record_appended_in_one_clone_is_read_in_another()
    {
        LedgerIn("a").Append(Approval("1.0.0"), TimeProvider.System, _secrets);
        LedgerIn("b").Append(Approval("1.1.0"), TimeProvider.System, _secrets);

        Assert.Equal(["1.0.0", "1.1.0"], LedgerIn("a").Read().Records.Select(r => r.Version));
        var onOrigin = Git(_temp.Path, "--git-dir", _temp.Combine("origin.git"), "cat-file", "blob", "refs/pipeline/records:production/ledger.jsonl");
        Assert.Equal(2, onOrigin.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_write_built_on_a_stale_state_is_rejected_and_leaves_the_other_writers_record()
    {
        var a = Records("a");
        var basis = a.Fetch();
        Assert.True(Records("b").TryCommit(basis, new Dictionary<string, string?> { ["production/note"] = "b was first\n" }, "b"));

        Assert.False(a.TryCommit(basis, new Dictionary<string, string?> { ["production/note"] = "a overwrites\n" }, "a"));
        Assert.Equal("b was first\n", a.ReadFile(a.Fetch(), "production/note"));
    }

    [Fact]
    public async Task Appends_racing_from_two_clones_all_land_in_one_verified_chain()
    {
        const int PerClone = 3;
        using var start = new ManualResetEventSlim();
        var writers = new[] { "a", "b" }.Select(clone => Task.Factory.StartNew(
            () =>
            {
                start.Wait();
                for (var i = 0; i < PerClone; i++)
                {
                    LedgerIn(clone).Append(Approval($"1.{i}.0-{clone}"), TimeProvider.System, _secrets);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        start.Set();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(2 * PerClone, LedgerIn("b").Read().Records.Select(r => r.Version).Distinct().Count());
    }

    [Fact]
    public void The_release_lock_on_the_ref_excludes_another_clone_until_it_is_given_back()
    {
        var first = new GitReleaseLock(Records("a"), "production");
        var second = new GitReleaseLock(Records("b"), "production");

        var held = first.TryTake("release of 1.0.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(second.TryTake("release of 1.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.Contains("release of 1.0.0", second.Holder(TimeProvider.System), StringComparison.Ordinal);

        held!.Dispose();
        using var taken = second.TryTake("release of 1.1.0", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(taken);
    }

    [Fact]
    public void Switching_to_git_carries_the_local_ledger_over_with_the_first_record()
    {
        var local = new FolderLedgerFile(AbsolutePath.From(_temp.Combine("a", ".pipeline", "records", "production")), null, mayBeUnchained: false);
        new Ledger(local, "production").Append(Approval("1.0.0"), TimeProvider.System, _secrets);
        var onGit = new Ledger(new GitLedgerFile(Records("a"), "production", local), "production");

        Assert.Equal(["1.0.0"], onGit.Read().Records.Select(r => r.Version));
        onGit.Append(Approval("1.1.0"), TimeProvider.System, _secrets);

        Assert.Equal(["1.0.0", "1.1.0"], LedgerIn("b").Read().Records.Select(r => r.Version));
    }

    [Fact]
    public void An_unreachable_remote_is_a_refusal_that_names_it()
    {
        Git(_temp.Combine("a"), "remote", "set-url", "origin", _temp.Combine("nowhere.git"));

        var refusal = Assert.Throws<ReleaseRefusedException>(() => LedgerIn("a").Read());
        Assert.Contains("refs/pipeline/records on origin", refusal.Message, StringComparison.Ordinal);
    }

    private static string Git(string directory, params string[] arguments)
    {
        var result = BlockingProcess.Run("git", arguments, directory);
        Assert.True(result is { ExitCode: 0 }, $"git {string.Join(' ', arguments)}: {result?.StandardError}");
        return result!.StandardOutput;
    }
}
