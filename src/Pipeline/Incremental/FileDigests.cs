using System.Runtime.ExceptionServices;

namespace Pipeline.Incremental;

/// <summary>The digests of a set of files, and how many of them had to be read to get there.</summary>
/// <param name="Digests">By relative path (ordinal); a file that vanished before it could be read is not there.</param>
/// <param name="Hashed">How many files were read and hashed; the others were known from their hints.</param>
internal sealed record DigestResult(IReadOnlyDictionary<string, FileDigest> Digests, int Hashed);

/// <summary>
/// Content digests of files, reading only those that may have changed: a file whose size and modification time are
/// those of its hint (its digest from the last run) keeps the hint's digest without being read. Content is the truth,
/// size and time only a hint, so a touched but unchanged file is read again and keeps its digest.
/// </summary>
/// <remarks>
/// Git also compares the inode and the change time; .NET exposes neither without platform calls, and size plus
/// modification time plus the racy rule below catch what editors, checkouts and builds do.
/// </remarks>
internal static class FileDigests
{
    /// <summary>
    /// Git's "racily clean" rule: a file written in the same moment as its hint was taken may have changed again
    /// without its time moving (coarse file system clocks), so a hint is trusted only for files older than that.
    /// </summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>Below this many files to read, starting parallel work costs more than it saves.</summary>
    private const int ParallelFrom = 8;

    /// <param name="root">The folder the paths are relative to.</param>
    /// <param name="relativePaths">Files under <paramref name="root"/>, <c>/</c>-separated (as <see cref="FileSet"/> gives them).</param>
    /// <param name="hints">The digests of the last run, by relative path; null to read every file.</param>
    /// <param name="hintsTakenAt">When the hints' files were looked at (taken before they were read); null trusts no hint.</param>
    public static DigestResult Compute(
        string root,
        IReadOnlyList<string> relativePaths,
        IReadOnlyDictionary<string, FileDigest>? hints,
        DateTimeOffset? hintsTakenAt)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePaths);
        var trustedBefore = hintsTakenAt is { } takenAt ? (takenAt - RacyWindow).UtcTicks : long.MinValue;
        var digests = new FileDigest?[relativePaths.Count];
        var toRead = new List<(int Index, string FullPath, long Size, long ModifiedTicks)>();
        for (var index = 0; index < relativePaths.Count; index++)
        {
            var path = relativePaths[index];
            var file = new FileInfo(Path.Combine(root, path));
            if (!file.Exists)
            {
                continue;
            }

            // Looked at before reading: if the file changes while it is read, its time moves and the next run reads it again.
            var (size, modifiedTicks) = (file.Length, file.LastWriteTimeUtc.Ticks);
            if (hints?.GetValueOrDefault(path) is { } hint && hint.Size == size && hint.ModifiedTicks == modifiedTicks && modifiedTicks < trustedBefore)
            {
                digests[index] = hint;
            }
            else
            {
                toRead.Add((index, file.FullName, size, modifiedTicks));
            }
        }

        var hashed = 0;
        void Read((int Index, string FullPath, long Size, long ModifiedTicks) file)
        {
            if (Sha256OrNull(file.FullPath) is { } sha256)
            {
                digests[file.Index] = new FileDigest(sha256, file.Size, file.ModifiedTicks);
                Interlocked.Increment(ref hashed);
            }
        }

        if (toRead.Count < ParallelFrom)
        {
            toRead.ForEach(Read);
        }
        else
        {
            try
            {
                Parallel.ForEach(toRead, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Read);
            }
            catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
            {
                // The same exception as when reading one by one (an unreadable file names itself), not a wrapper.
                ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
            }
        }

        var result = new Dictionary<string, FileDigest>(relativePaths.Count, StringComparer.Ordinal);
        for (var index = 0; index < relativePaths.Count; index++)
        {
            if (digests[index] is { } digest)
            {
                result[relativePaths[index]] = digest;
            }
        }

        return new DigestResult(result, hashed);
    }

    /// <summary>The content's SHA-256, or null for a file deleted since it was found (the caller sees it as deleted).</summary>
    private static string? Sha256OrNull(string fullPath)
    {
        try
        {
            return Checksums.Sha256(fullPath);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
