using System.Globalization;

namespace Pipeline.Delivery.Records;

/// <summary>
/// An exclusive lock on a file, held by the operating system (an open file with no sharing: <c>flock</c> on
/// Unix). The system releases it when the process ends however it ends, so a crashed run never blocks the next
/// one. Who holds it is written beside it (<c>.holder</c>) for the message a waiting run prints.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _holderPath;

    private FileLock(FileStream stream, string holderPath)
    {
        _stream = stream;
        _holderPath = holderPath;
    }

    /// <summary>Takes the lock, waiting up to <see cref="LockRequest.Wait"/>; null when another run still holds it then.</summary>
    internal static FileLock? Acquire(LockRequest request, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        var path = request.Path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var started = clock.GetTimestamp();
        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.GetElapsedTime(started) < request.Wait)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }
            catch (IOException)
            {
                return null;
            }

            var holder = path + ".holder";
            try
            {
                AtomicFile.WriteAllText(
                    holder,
                    string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} on {Environment.MachineName} since {clock.GetUtcNow():u}, {request.Purpose}"),
                    durable: false);
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            return new FileLock(stream, holder);
        }
    }

    /// <summary>Who holds the lock at <paramref name="path"/>, as the holder wrote it (none once it is released).</summary>
    public static string? Holder(string path)
    {
        try
        {
            return File.ReadAllText(path + ".holder").Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when nobody holds the lock right now; writes nothing (for <c>--dry-run</c>).</summary>
    public static bool IsFree(string path)
    {
        if (!File.Exists(path))
        {
            return true;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        File.Delete(_holderPath);
        _stream.Dispose();
    }
}

/// <summary>Which lock file, how long to wait for it, and why it is taken (written for a waiting run to read).</summary>
internal sealed record LockRequest(string Path, TimeSpan Wait, string Purpose);
