using System.Globalization;

namespace Pipeline.BuildCache;

/// <summary>
/// Writes an entry's files into the root all or nothing: every blob is fetched into a temporary file next to its
/// destination and checked against its digest first; only when all are there and sound are they moved into place,
/// overwriting what is there. On any miss or problem the temporary files, and the folders made for them, are removed.
/// </summary>
internal static class OutputRestore
{
    /// <summary>
    /// Copies one blob into a new file at the given path; false when the cache does not have it. What it throws is
    /// passed on as it is, so the cache can tell its own failures (a server gone mid-download) from the checkout's.
    /// </summary>
    public delegate Task<bool> FetchBlob(CachedFile file, string destination, CancellationToken cancellationToken);

    public static async Task<RestoreOutcome> RunAsync(CacheEntry entry, string root, FetchBlob fetch, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(root);
        var createdFolders = new List<string>();
        var staged = new List<(string Temporary, string Destination)>();
        var moved = false;
        var fetching = false;
        try
        {
            var firstCopy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in entry.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var destination = OutputPath.Under(fullRoot, file.Path);
                if (Directory.Exists(destination))
                {
                    return new RestoreOutcome(RestoreResult.Failed, $"{file.Path} is a folder in the checkout, so it cannot be restored");
                }

                var folder = Path.GetDirectoryName(destination)!;
                CreateFolder(folder, fullRoot, createdFolders);
                var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}.restore");
                staged.Add((temporary, destination));

                // The same content at two paths is fetched once.
                if (firstCopy.TryGetValue(file.Sha256, out var copy))
                {
                    File.Copy(copy, temporary);
                }
                else
                {
                    fetching = true;
                    var found = await fetch(file, temporary, cancellationToken);
                    fetching = false;
                    if (!found)
                    {
                        return new RestoreOutcome(RestoreResult.BlobMissing);
                    }

                    if (!Matches(temporary, file))
                    {
                        return new RestoreOutcome(RestoreResult.Corrupt, $"the content stored for {file.Path} does not match its digest {file.Sha256}", file.Sha256);
                    }

                    firstCopy[file.Sha256] = temporary;
                }

                SetExecutable(temporary, file.Executable);
            }

            foreach (var (temporary, destination) in staged)
            {
                File.Move(temporary, destination, overwrite: true);
            }

            moved = true;
            return RestoreOutcome.Restored;
        }
        catch (Exception exception) when (!fetching && exception is (IOException or UnauthorizedAccessException))
        {
            return new RestoreOutcome(RestoreResult.Failed, $"could not write the outputs into {fullRoot}: {exception.Message}");
        }
        finally
        {
            if (!moved)
            {
                Clean(staged, createdFolders);
            }
        }
    }

    private static bool Matches(string path, CachedFile file) =>
        new FileInfo(path).Length == file.Size && Checksums.Sha256(path) == file.Sha256;

    /// <summary>Creates <paramref name="folder"/>, remembering each folder it had to make so a failed restore can remove them.</summary>
    private static void CreateFolder(string folder, string root, List<string> created)
    {
        var missing = new Stack<string>();
        for (var current = folder; current.Length > root.Length && !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        foreach (var each in missing)
        {
            Directory.CreateDirectory(each);
            created.Add(each);
        }
    }

    private static void SetExecutable(string path, bool executable)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, executable ? mode | Execute : mode & ~Execute);
    }

    private static void Clean(List<(string Temporary, string Destination)> staged, List<string> createdFolders)
    {
        foreach (var (temporary, _) in staged)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover hidden temporary file costs nothing but space.
            }
        }

        // Deepest first; a folder someone else has put something into meanwhile stays.
        foreach (var folder in createdFolders.OrderByDescending(f => f.Length))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Not empty or already gone: leave it.
            }
        }
    }
}
