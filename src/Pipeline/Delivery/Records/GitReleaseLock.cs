using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Delivery.Records;

/// <summary>
/// The release lock as a record on the records ref (<c>&lt;environment&gt;/release.lock.json</c>), taken and given
/// back by compare-and-swap pushes, so runners on different machines exclude each other. A lock expires after
/// <see cref="Lifetime"/> (a runner that vanished cannot block releases for ever), and one left by a process of this
/// machine that no longer runs is free at once.
/// </summary>
internal sealed class GitReleaseLock(GitRecords git, string environment) : IReleaseLock
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private string PathOnRef => $"{environment}/release.lock.json";

    public IDisposable? TryTake(string purpose, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var started = clock.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var commit = git.Fetch();
            var now = clock.GetUtcNow();
            if (Live(Claim(commit), now) is null)
            {
                var claim = new LockClaim(
                    string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} on {Environment.MachineName} since {now:u}, {purpose}"),
                    Environment.MachineName,
                    Environment.ProcessId,
                    Guid.NewGuid().ToString("N"),
                    now + Lifetime);
                var files = new Dictionary<string, string?> { [PathOnRef] = JsonSerializer.Serialize(claim, Ledger.Json) + "\n" };
                if (git.TryCommit(commit, files, $"{environment}: lock for {purpose}"))
                {
                    return new Held(this, claim.Token);
                }

                continue;
            }

            if (clock.GetElapsedTime(started) >= wait)
            {
                return null;
            }

            cancellationToken.WaitHandle.WaitOne(Poll);
        }
    }

    public string? Holder(TimeProvider clock) => Live(Claim(git.Fetch()), clock.GetUtcNow())?.Holder;

    private LockClaim? Claim(string? commit)
    {
        var text = git.ReadFile(commit, PathOnRef);
        try
        {
            return text is null ? null : JsonSerializer.Deserialize<LockClaim>(text, Ledger.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The claim if it still holds: not expired, and not left by a process of this machine that has ended.</summary>
    private static LockClaim? Live(LockClaim? claim, DateTimeOffset now)
    {
        if (claim is null || claim.Expires <= now)
        {
            return null;
        }

        return claim.Machine == Environment.MachineName && !Running(claim.ProcessId) ? null : claim;
    }

    private static bool Running(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Gives the lock back, unless it expired and someone else took it meanwhile.</summary>
    private void Release(string token)
    {
        while (true)
        {
            var commit = git.Fetch();
            if (Claim(commit)?.Token != token)
            {
                return;
            }

            if (git.TryCommit(commit, new Dictionary<string, string?> { [PathOnRef] = null }, $"{environment}: unlock"))
            {
                return;
            }
        }
    }

    private sealed class Held(GitReleaseLock owner, string token) : IDisposable
    {
        public void Dispose() => owner.Release(token);
    }
}

/// <summary>Who holds a release lock on the records ref, from which machine and process, and until when.</summary>
internal sealed record LockClaim(string Holder, string Machine, int ProcessId, string Token, DateTimeOffset Expires);
