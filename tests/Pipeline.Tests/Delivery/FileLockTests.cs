using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Delivery.Records;

namespace Pipeline.Tests.Delivery;

public sealed class FileLockTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string LockPath => _temp.Combine("records", "release.lock");

    [Fact]
    public void A_second_acquire_without_waiting_gets_nothing_while_the_first_is_held()
    {
        using var first = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0"), TimeProvider.System, CancellationToken.None);
        Assert.NotNull(first);

        using var second = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.3.0"), TimeProvider.System, CancellationToken.None);

        Assert.Null(second);
        Assert.False(FileLock.IsFree(LockPath));
    }

    [Fact]
    public void The_lock_can_be_taken_again_once_the_holder_disposes_it()
    {
        var first = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0"), TimeProvider.System, CancellationToken.None);
        Assert.NotNull(first);
        first.Dispose();

        using var second = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.3.0"), TimeProvider.System, CancellationToken.None);

        Assert.NotNull(second);
    }

    [Fact]
    public void A_lock_nobody_ever_took_is_free()
    {
        Assert.True(FileLock.IsFree(LockPath));
        Assert.Null(FileLock.Holder(LockPath));
    }

    [Fact]
    public void The_holder_says_which_process_on_which_machine_holds_it_and_why()
    {
        using var held = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0 sha256:abc"), TimeProvider.System, CancellationToken.None);
        Assert.NotNull(held);

        var holder = FileLock.Holder(LockPath);

        Assert.NotNull(holder);
        Assert.StartsWith($"process {Environment.ProcessId} on {Environment.MachineName} since ", holder, StringComparison.Ordinal);
        Assert.EndsWith(", release of 1.2.0 sha256:abc", holder, StringComparison.Ordinal);
    }

    [Fact]
    public void The_holder_gives_the_time_of_the_clock_the_lock_was_taken_by()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 16, 39, 0, TimeSpan.Zero));
        using var held = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0"), clock, CancellationToken.None);
        Assert.NotNull(held);

        Assert.Equal(
            $"process {Environment.ProcessId} on {Environment.MachineName} since 2026-11-23 16:39:00Z, release of 1.2.0",
            FileLock.Holder(LockPath));
    }

    [Fact]
    public void A_waiting_acquire_is_cancelled_by_its_token()
    {
        using var held = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0"), TimeProvider.System, CancellationToken.None);
        Assert.NotNull(held);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => FileLock.Acquire(new LockRequest(LockPath, TimeSpan.FromMinutes(5), "release of 1.3.0"), TimeProvider.System, cancelled.Token));
    }

    [FlockInstalledFact]
    public void A_lock_held_by_a_process_that_is_killed_does_not_block_the_next_run()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);

        // util-linux flock takes flock(2), the lock .NET takes for FileShare.None. --close keeps the lock in the
        // flock process alone (not in its child), so killing that one process is what releases it.
        var start = new ProcessStartInfo("flock") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--close", LockPath, "sh", "-c", "echo held; exec sleep 60" })
        {
            start.ArgumentList.Add(argument);
        }

        using var holder = Process.Start(start)!;
        try
        {
            // flock runs the command only once it holds the lock.
            Assert.Equal("held", holder.StandardOutput.ReadLine());

            using (var blocked = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0"), TimeProvider.System, CancellationToken.None))
            {
                Assert.Null(blocked);
            }

            holder.Kill(entireProcessTree: true);
            Assert.True(holder.WaitForExit(Runs.HangGuard), "the flock process did not exit after SIGKILL");

            using var taken = FileLock.Acquire(new LockRequest(LockPath, TimeSpan.Zero, "release of 1.2.0"), TimeProvider.System, CancellationToken.None);
            Assert.NotNull(taken);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>A fact that is skipped, saying why, where util-linux <c>flock</c> is not installed.</summary>
    private sealed class FlockInstalledFactAttribute : FactAttribute
    {
        public FlockInstalledFactAttribute()
        {
            var installed = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(folder => File.Exists(Path.Combine(folder, "flock")));
            if (!installed)
            {
                Skip = "util-linux 'flock' is not on PATH, so no other process can hold the lock for this test.";
            }
        }
    }
}
