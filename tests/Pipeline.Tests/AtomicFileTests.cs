namespace Pipeline.Tests;

public class AtomicFileTests
{
    [Fact]
    public void Writing_leaves_the_content_and_no_temporary_files()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("summary.json");

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Missing_folders_are_created()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("out", "deeper", "summary.json");

        AtomicFile.WriteAllText(path, "{}");

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Combine("out", "deeper")));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file_behind()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("taken");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));

        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
    }
}
