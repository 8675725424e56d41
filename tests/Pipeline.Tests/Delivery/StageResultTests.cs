using Pipeline.Delivery.Records;

namespace Pipeline.Tests.Delivery;

public sealed class StageResultTests
{
    [Fact]
    public void A_stage_an_earlier_job_of_the_same_CI_run_ran_counts_as_succeeded_and_reads_back_with_the_run()
    {
        var result = new StageResult(StageStatus.RanInEarlierJob, "https://gitlab.example.com/acme/app/-/pipelines/42");

        var text = result.ToString();

        Assert.Equal("Succeeded (in an earlier job of https://gitlab.example.com/acme/app/-/pipelines/42)", text);
        Assert.Equal(result, StageResult.Parse(text));
        Assert.True(result.CountsAsSucceeded);
        Assert.False(new StageResult(StageStatus.SkippedOnRequest).CountsAsSucceeded);
    }

    [Theory]
    [InlineData("up-to-date", "Succeeded (up to date: its run of 2026-12-01 10:00:00Z with fingerprint 0123456789ab succeeded)")]
    [InlineData("restored", "Succeeded (restored from the build cache: its run of 2026-12-01 10:00:00Z with fingerprint 0123456789ab succeeded)")]
    public void A_reused_result_counts_as_succeeded_says_which_run_it_stands_on_and_is_not_a_skip(string kind, string expected)
    {
        var result = new StageResult(kind == "restored" ? StageStatus.RestoredFromCache : StageStatus.UpToDate, "its run of 2026-12-01 10:00:00Z with fingerprint 0123456789ab succeeded");

        var text = result.ToString();

        Assert.Equal(expected, text);
        Assert.Equal(result, StageResult.Parse(text));
        Assert.True(result.CountsAsSucceeded);
        Assert.NotEqual(StageResult.Parse("Skipped (--skip)"), result);
    }
}
