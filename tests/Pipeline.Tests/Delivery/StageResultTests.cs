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
}
