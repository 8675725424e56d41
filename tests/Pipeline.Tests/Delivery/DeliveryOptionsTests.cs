using Pipeline.CommandLine;
using Pipeline.Delivery;
using Pipeline.Secrets;

namespace Pipeline.Tests.Delivery;

public class DeliveryOptionsTests
{
    [Fact]
    public void Without_delivery_options_the_request_asks_for_nothing()
    {
        var options = CommandLineParser.Parse(["Release"], [], new SecretMasker());

        Assert.Equal(new DeliveryRequest(), options.Delivery);
        Assert.Null(options.History);
    }

    [Fact]
    public void Approve_comment_and_dry_run_are_read_into_the_delivery_request()
    {
        var options = CommandLineParser.Parse(["Release", "--approve", "--comment", "looks good in QA", "--dry-run"], [], new SecretMasker());

        Assert.Equal(["Release"], options.Targets);
        Assert.True(options.Delivery.Approve);
        Assert.Equal("looks good in QA", options.Delivery.Comment);
        Assert.True(options.Delivery.DryRun);
    }

    [Fact]
    public void Candidate_rollback_and_freeze_override_are_read()
    {
        var candidate = CommandLineParser.Parse(["Release", "--candidate", "1.2.0", "--override-freeze", "INC-1234: outage fix"], [], new SecretMasker());
        var rollback = CommandLineParser.Parse(["Release", "--rollback-to", "1.1.0"], [], new SecretMasker());

        Assert.Equal("1.2.0", candidate.Delivery.Candidate);
        Assert.Equal("INC-1234: outage fix", candidate.Delivery.FreezeOverrideReason);
        Assert.Null(candidate.Delivery.RollbackTo);
        Assert.Equal("1.1.0", rollback.Delivery.RollbackTo);
        Assert.Null(rollback.Delivery.Candidate);
    }

    [Theory]
    [InlineData("delivery", ReleaseMode.Delivery)]
    [InlineData("deployment", ReleaseMode.Deployment)]
    [InlineData("continuous-delivery", ReleaseMode.Delivery)]
    [InlineData("Continuous-Deployment", ReleaseMode.Deployment)]
    public void Release_mode_is_read_by_name(string text, ReleaseMode mode)
    {
        var options = CommandLineParser.Parse(["Release", "--release-mode", text], [], new SecretMasker());

        Assert.Equal(mode, options.Delivery.Mode);
    }

    [Fact]
    public void An_unknown_release_mode_is_a_usage_error_naming_the_choices()
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["Release", "--release-mode", "yolo"], [], new SecretMasker()));

        Assert.Contains("--release-mode must be 'delivery'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'deployment'", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 'yolo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidate_and_rollback_together_are_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["Release", "--candidate", "1.2.0", "--rollback-to", "1.1.0"], [], new SecretMasker()));

        Assert.Contains("--candidate and --rollback-to", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_freeze_override_without_a_reason_is_a_usage_error(string reason)
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["Release", "--override-freeze", reason], [], new SecretMasker()));

        Assert.Contains("--override-freeze needs a reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_names_the_environment_and_combines_with_json()
    {
        var options = CommandLineParser.Parse(["--history", "qa", "--json"], [], new SecretMasker());

        Assert.Equal("qa", options.History);
        Assert.True(options.Json);
        Assert.Empty(options.Targets);
    }
}
