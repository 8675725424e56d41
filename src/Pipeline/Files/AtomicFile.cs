namespace Pipeline.Files;

/// <summary>Writes a file so that readers see the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content, bool durable = true) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content), durable);

    /// <param name="durable">
    /// Flush to disk before the rename, so not even a power cut can leave the name on an empty file. Records
    /// that matter (cache entries, manifests) want it; a run's summary, rewritten on every run, does not pay
    /// for it on the start-up path.
    /// </param>
    public static void WriteAllBytes(string path, byte[] content, bool durable = true)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
