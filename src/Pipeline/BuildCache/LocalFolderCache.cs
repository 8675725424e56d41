using System.Globalization;
using System.Security.Cryptography;

namespace Pipeline.BuildCache;

/// <summary>
/// A build cache in a folder on this machine: <c>ac/{key}</c> holds each entry as JSON, <c>cas/{sha256}</c> each
/// file's content once however many entries name it. Every file is written to a temporary name and renamed, so
/// two processes storing at once each leave a whole file. A hit refreshes the last-write time of the entry and
/// its blobs, which is what eviction orders by; a store that takes the folder over its size cap evicts the least
/// recently used entries.
/// </summary>
internal sealed class LocalFolderCache : IBuildCache
{
    private readonly string _folder;
    private readonly long _sizeCap;
    private readonly bool _readOnly;
    private readonly Action<string> _warn;

    /// <param name="readOnly">Restores only: nothing is stored, refreshed or evicted.</param>
    /// <param name="warn">Receives a whole warning line when something in the folder is wrong.</param>
    public LocalFolderCache(string folder, long sizeCap, bool readOnly, Action<string> warn)
    {
        _folder = Path.GetFullPath(folder);
        _sizeCap = sizeCap;
        _readOnly = readOnly;
        _warn = warn;
    }

    private string Entries => Path.Combine(_folder, "ac");

    private string Blobs => Path.Combine(_folder, "cas");

    public async Task<CacheEntry?> TryRestoreAsync(string fingerprint, string root, CancellationToken cancellationToken)
    {
        var entryPath = Path.Combine(Entries, CacheKey.For(fingerprint));
        try
        {
            if (!File.Exists(entryPath))
            {
                return null;
            }

            var entry = CacheEntryJson.Read(await File.ReadAllBytesAsync(entryPath, cancellationToken), fingerprint);
            if (entry is null)
            {
                Warn($"the entry {Path.GetFileName(entryPath)} is unreadable or incomplete; it is ignored");
                DeleteUnlessReadOnly(entryPath);
                return null;
            }

            var outcome = await OutputRestore.RunAsync(entry, root, CopyBlobAsync, cancellationToken);
            switch (outcome.Result)
            {
                case RestoreResult.Restored:
                    Refresh(entryPath, entry);
                    return entry;
                case RestoreResult.Corrupt:
                    Warn($"{outcome.Problem}; it is ignored");
                    DeleteUnlessReadOnly(Path.Combine(Blobs, outcome.CorruptBlob!));
                    return null;
                case RestoreResult.Failed:
                    Warn($"{outcome.Problem}; the target runs instead");
                    return null;
                default:
                    return null;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Warn($"could not read the cache: {exception.Message}; the target runs instead");
            return null;
        }
    }

    public async Task StoreAsync(CacheEntry entry, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_readOnly)
        {
            return;
        }

        if (!CacheEntryJson.IsSound(entry))
        {
            Warn($"the result of {entry.Target} names a path outside the checkout or a malformed digest; it is not stored");
            return;
        }

        try
        {
            foreach (var file in entry.Files.DistinctBy(f => f.Sha256))
            {
                if (!await StoreBlobAsync(OutputPath.Under(root, file.Path), file.Sha256, cancellationToken))
                {
                    Warn($"{file.Path} changed while the result of {entry.Target} was being stored; it is not stored");
                    return;
                }
            }

            // The entry last: whoever sees it finds its blobs there.
            AtomicFile.WriteAllBytes(Path.Combine(Entries, CacheKey.For(entry.Fingerprint)), CacheEntryJson.Write(entry));
            LocalCacheEviction.Run(_folder, _sizeCap);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Warn($"could not store the result of {entry.Target}: {exception.Message}; the next run of it runs it again");
        }
    }

    private Task<bool> CopyBlobAsync(CachedFile file, string destination, CancellationToken cancellationToken)
    {
        var blob = Path.Combine(Blobs, file.Sha256);
        try
        {
            File.Copy(blob, destination);
            return Task.FromResult(true);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Copies the file into <c>cas/</c>, hashing as it goes; false when its content is no longer <paramref name="sha256"/>.</summary>
    private async Task<bool> StoreBlobAsync(string source, string sha256, CancellationToken cancellationToken)
    {
        var blob = Path.Combine(Blobs, sha256);
        if (File.Exists(blob))
        {
            Touch(blob);
            return true;
        }

        Directory.CreateDirectory(Blobs);
        var temporary = Path.Combine(Blobs, $".{sha256}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var input = File.OpenRead(source))
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
            {
                return false;
            }

            File.Move(temporary, blob, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A hit makes the entry and its blobs the most recently used, so eviction keeps them longest.</summary>
    private void Refresh(string entryPath, CacheEntry entry)
    {
        if (_readOnly)
        {
            return;
        }

        Touch(entryPath);
        foreach (var sha256 in entry.Files.Select(f => f.Sha256).Distinct(StringComparer.Ordinal))
        {
            Touch(Path.Combine(Blobs, sha256));
        }
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Evicted meanwhile, or a folder shared read-only: the order of eviction is only a hint.
        }
    }

    private void DeleteUnlessReadOnly(string path)
    {
        if (!_readOnly)
        {
            File.Delete(path);
        }
    }

    private void Warn(string problem) => _warn($"warning: build cache {_folder}: {problem}.");
}
