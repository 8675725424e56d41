using Pipeline.Incremental;

namespace Pipeline.Tests.Incremental;

public sealed class FileDigestsTests : IDisposable
{
    // sha256sum of "hello\n" and of "hellO\n".
    private const string HelloSha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    /// <summary>A moment long enough ago that no hint taken now is racy for a file written then.</summary>
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-1);

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Without_hints_every_file_is_read_and_gets_its_SHA_256_size_and_modification_time()
    {
        Write("src/hello.txt", "hello\n", LongAgo);

        var result = FileDigests.Compute(_root.Path, ["src/hello.txt"], hints: null, hintsTakenAt: null);

        Assert.Equal(1, result.Hashed);
        Assert.Equal(new FileDigest(HelloSha256, 6, LongAgo.Ticks), result.Digests["src/hello.txt"]);
    }

    [Fact]
    public void Three_thousand_files_that_match_their_hints_are_not_read_at_all()
    {
        var paths = Enumerable.Range(0, 3000).Select(i => $"src/Folder{i % 30}/File{i}.cs").ToList();
        foreach (var path in paths)
        {
            Write(path, $"// {path}\n", LongAgo);
        }

        var first = FileDigests.Compute(_root.Path, paths, hints: null, hintsTakenAt: null);
        var again = FileDigests.Compute(_root.Path, paths, first.Digests, DateTimeOffset.UtcNow);

        Assert.Equal(3000, first.Hashed);
        Assert.Equal(0, again.Hashed);
        Assert.Equal(first.Digests, again.Digests);
        Assert.Equal(Checksums.Sha256(_root.Combine("src", "Folder7", "File1807.cs")), again.Digests["src/Folder7/File1807.cs"].Sha256);
    }

    [Fact]
    public void A_hint_whose_size_and_time_still_match_is_trusted_without_reading_the_file()
    {
        Write("a.txt", "hello\n", LongAgo);
        var hints = FileDigests.Compute(_root.Path, ["a.txt"], null, null).Digests;

        // Same size, same time, other bytes: only reading the file could tell, and a matching hint is not read.
        Write("a.txt", "hellO\n", LongAgo);
        var result = FileDigests.Compute(_root.Path, ["a.txt"], hints, DateTimeOffset.UtcNow);

        Assert.Equal(0, result.Hashed);
        Assert.Equal(HelloSha256, result.Digests["a.txt"].Sha256);
    }

    [Fact]
    public void A_touched_but_unchanged_file_is_read_again_and_keeps_its_digest()
    {
        Write("a.txt", "hello\n", LongAgo);
        var hints = FileDigests.Compute(_root.Path, ["a.txt"], null, null).Digests;

        var touched = LongAgo.AddMinutes(5);
        File.SetLastWriteTimeUtc(_root.Combine("a.txt"), touched);
        var result = FileDigests.Compute(_root.Path, ["a.txt"], hints, DateTimeOffset.UtcNow);

        Assert.Equal(1, result.Hashed);
        Assert.Equal(new FileDigest(HelloSha256, 6, touched.Ticks), result.Digests["a.txt"]);
    }

    [Fact]
    public void One_changed_byte_changes_the_digest()
    {
        Write("a.txt", "hello\n", LongAgo);
        var hints = FileDigests.Compute(_root.Path, ["a.txt"], null, null).Digests;

        Write("a.txt", "hellO\n", LongAgo.AddSeconds(1));
        var result = FileDigests.Compute(_root.Path, ["a.txt"], hints, DateTimeOffset.UtcNow);

        Assert.Equal(1, result.Hashed);
        Assert.NotEqual(HelloSha256, result.Digests["a.txt"].Sha256);
        Assert.Equal(Checksums.Sha256(_root.Combine("a.txt")), result.Digests["a.txt"].Sha256);
    }

    [Fact]
    public void A_file_written_within_two_seconds_before_its_hint_was_taken_is_read_again()
    {
        var written = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Write("a.txt", "hello\n", written);
        var hints = FileDigests.Compute(_root.Path, ["a.txt"], null, null).Digests;

        // Git's racy-clean case: it may have changed again in the same tick as it was hashed, without its time moving.
        var racy = FileDigests.Compute(_root.Path, ["a.txt"], hints, new DateTimeOffset(written.AddSeconds(1)));
        var settled = FileDigests.Compute(_root.Path, ["a.txt"], hints, new DateTimeOffset(written.AddSeconds(3)));

        Assert.Equal(1, racy.Hashed);
        Assert.Equal(0, settled.Hashed);
    }

    [Fact]
    public void Without_the_time_the_hints_were_taken_no_hint_is_trusted()
    {
        Write("a.txt", "hello\n", LongAgo);
        var hints = FileDigests.Compute(_root.Path, ["a.txt"], null, null).Digests;

        var result = FileDigests.Compute(_root.Path, ["a.txt"], hints, hintsTakenAt: null);

        Assert.Equal(1, result.Hashed);
    }

    [Fact]
    public void A_file_gone_since_it_was_matched_is_left_out_so_the_caller_sees_it_deleted()
    {
        Write("kept.txt", "hello\n", LongAgo);
        // Found by the walk, then gone: deleted outright, or a symbolic link whose target was deleted (seen, but unreadable).
        File.CreateSymbolicLink(_root.Combine("dangling.txt"), _root.Combine("deleted-target.txt"));
        string[] paths = ["dangling.txt", "deleted.txt", "kept.txt"];

        var result = FileDigests.Compute(_root.Path, paths, null, null);

        Assert.Equal(["kept.txt"], result.Digests.Keys);
        Assert.Equal(1, result.Hashed);
    }

    [Fact]
    public void Many_files_to_read_are_read_in_parallel_each_to_its_own_digest()
    {
        var paths = Enumerable.Range(0, 200).Select(i => $"f{i}.txt").ToList();
        foreach (var path in paths)
        {
            Write(path, new string('x', paths.IndexOf(path) * 37), LongAgo);
        }

        var result = FileDigests.Compute(_root.Path, paths, null, null);

        Assert.Equal(200, result.Hashed);
        Assert.All(paths, path => Assert.Equal(
            new FileDigest(Checksums.Sha256(_root.Combine(path)), new FileInfo(_root.Combine(path)).Length, LongAgo.Ticks),
            result.Digests[path]));
    }

    private void Write(string relative, string content, DateTime modifiedUtc)
    {
        var path = _root.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, modifiedUtc);
    }
}
