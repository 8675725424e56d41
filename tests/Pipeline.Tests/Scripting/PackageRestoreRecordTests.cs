using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

public sealed class PackageRestoreRecordTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly PackageRestoreKey _key = PackageRestoreKey.Create(
        [new ScriptPackage("Humanizer.Core", "2.14.1")], new NuGetConfiguration(null, []), "net10.0", "linux-x64", "<Project />");

    public PackageRestoreRecordTests()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "Humanizer.dll"), "assembly bytes");
        File.WriteAllText(Path.Combine(Output, "Other.dll"), "other bytes");
        PackageRestoreRecord.Write(RecordPath, _key, [Path.Combine(Output, "Humanizer.dll"), Path.Combine(Output, "Other.dll")]);
    }

    private string Output => _temp.Combine("out");

    private string RecordPath => _temp.Combine("restored");

    [Fact]
    public void A_written_record_reads_back_its_assemblies_for_the_same_key()
    {
        var assemblies = PackageRestoreRecord.Read(RecordPath, _key, Output);

        Assert.Equal([Path.Combine(Output, "Humanizer.dll"), Path.Combine(Output, "Other.dll")], assemblies);
    }

    [Fact]
    public void A_record_made_for_another_key_reads_as_none()
    {
        var other = PackageRestoreKey.Create(
            [new ScriptPackage("Humanizer.Core", "2.8.26")], new NuGetConfiguration(null, []), "net10.0", "linux-x64", "<Project />");

        Assert.Null(PackageRestoreRecord.Read(RecordPath, other, Output));
    }

    [Fact]
    public void A_missing_truncated_or_garbled_record_reads_as_none()
    {
        var lines = File.ReadAllLines(RecordPath);

        File.WriteAllLines(RecordPath, lines[..^1]);
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));

        File.WriteAllLines(RecordPath, lines.Where((_, index) => index != 2));
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));

        File.WriteAllBytes(RecordPath, [0xff, 0x00, 0x13, 0x37]);
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));

        File.WriteAllLines(RecordPath, [lines[0], "assembly 00 ../../elsewhere.dll", "end"]);
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));

        File.Delete(RecordPath);
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));
    }

    [Fact]
    public void A_deleted_or_changed_assembly_reads_as_none()
    {
        File.WriteAllText(Path.Combine(Output, "Other.dll"), "other bytes, changed");
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));

        File.Delete(Path.Combine(Output, "Humanizer.dll"));
        Assert.Null(PackageRestoreRecord.Read(RecordPath, _key, Output));
    }

    public void Dispose() => _temp.Dispose();
}
