namespace Pipeline.Tests;

public class TrxReaderTests
{
    [Fact]
    public void Counters_of_every_report_in_the_folder_and_below_are_added_up()
    {
        using var temp = new TempDirectory();
        WriteTrx(temp.Combine("a.trx"), passed: 10, failed: 1, notExecuted: 2);
        Directory.CreateDirectory(temp.Combine("nested"));
        WriteTrx(temp.Combine("nested", "b.trx"), passed: 5, failed: 0, notExecuted: 1);

        var summary = TrxReader.Summarise(temp.Path);

        Assert.Equal(new TestRunSummary(15, 1, 3), summary);
    }

    [Fact]
    public void Errors_timeouts_and_aborts_count_as_failures()
    {
        using var temp = new TempDirectory();
        WriteTrx(temp.Combine("a.trx"), passed: 1, failed: 1, notExecuted: 0, extra: "error=\"2\" timeout=\"3\" aborted=\"4\"");

        var summary = TrxReader.Summarise(temp.Path);

        Assert.Equal(10, summary.Failed);
    }

    [Fact]
    public void Files_that_are_not_trx_and_reports_without_counters_are_ignored()
    {
        using var temp = new TempDirectory();
        WriteTrx(temp.Combine("a.trx"), passed: 2, failed: 0, notExecuted: 0);
        File.WriteAllText(temp.Combine("b.trx"), "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results /></TestRun>");
        WriteTrx(temp.Combine("c.xml"), passed: 100, failed: 100, notExecuted: 100);

        var summary = TrxReader.Summarise(temp.Path);

        Assert.Equal(new TestRunSummary(2, 0, 0), summary);
    }

    [Fact]
    public void A_missing_folder_gives_zero_counts()
    {
        using var temp = new TempDirectory();

        Assert.Equal(new TestRunSummary(0, 0, 0), TrxReader.Summarise(temp.Combine("missing")));
    }

    [Fact]
    public void The_closing_line_reports_passed_and_failed()
    {
        Assert.Equal("Test: 12 passed, 3 failed", new TestRunSummary(12, 3, 1).ToClosingLine());
    }

    [Fact]
    public void ThrowIfFailed_throws_only_when_a_test_failed()
    {
        new TestRunSummary(5, 0, 2).ThrowIfFailed();

        var error = Assert.Throws<TestsFailedException>(() => new TestRunSummary(5, 2, 0).ThrowIfFailed());
        Assert.Equal("2 test(s) failed (5 passed).", error.Message);
    }

    private static void WriteTrx(string path, int passed, int failed, int notExecuted, string extra = "")
    {
        var total = passed + failed + notExecuted;
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="{Guid.NewGuid()}" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Completed">
                <Counters total="{total}" executed="{passed + failed}" passed="{passed}" failed="{failed}" {extra} notExecuted="{notExecuted}" inconclusive="0" />
              </ResultSummary>
            </TestRun>
            """);
    }
}
