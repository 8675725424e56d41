using Pipeline.Delivery.Records;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// The commits a release brings into an environment, and their authors: <c>git log last..candidate</c> from the
/// commit of the environment's last release; only the candidate commit when there is no last release or its commit
/// is not an ancestor of the candidate's (a rollback, another branch, a shallow clone). <see cref="Which"/> says which.
/// </summary>
internal sealed record ReleasedCommits(IReadOnlyList<string> Authors, string Which)
{
    /// <summary>Null when git cannot say (the candidate has no commit, or git does not know it).</summary>
    public static async Task<ReleasedCommits?> ReadAsync(AbsolutePath repository, string? commit, IEnumerable<LedgerRecord> history, string environment, CancellationToken cancellationToken)
    {
        if (commit is null)
        {
            return null;
        }

        var last = history.Where(r => r.Released).MaxBy(r => r.Time);
        string[] range;
        string which;
        if (last?.Commit is not { } lastCommit)
        {
            (range, which) = (["-1", commit], $"the candidate commit {Short(commit)} (no earlier release to {environment})");
        }
        else if (lastCommit != commit && await IsAncestorAsync(repository, lastCommit, commit, cancellationToken).ConfigureAwait(false))
        {
            (range, which) = ([$"{lastCommit}..{commit}"], $"the commits since {environment}'s last release {last.Version} ({Short(lastCommit)}..{Short(commit)})");
        }
        else
        {
            (range, which) = (["-1", commit], $"the candidate commit {Short(commit)} ({environment}'s last release {last.Version} was {Short(lastCommit)}, not an ancestor of it)");
        }

        var authors = await GitOutput.ReadAsync(repository, cancellationToken, ["log", "--format=%ae", .. range]).ConfigureAwait(false);
        return authors is null
            ? null
            : new ReleasedCommits([.. authors.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)], which);
    }

    private static async Task<bool> IsAncestorAsync(AbsolutePath repository, string ancestor, string commit, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cmd.RunAsync("git", ["merge-base", "--is-ancestor", ancestor, commit], new CommandOptions { WorkingDirectory = repository, Quiet = true, AllowNonZeroExitCode = true }, cancellationToken)
                .ConfigureAwait(false);
            return result.ExitCode == 0;
        }
        catch (CommandFailedException)
        {
            return false;
        }
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
