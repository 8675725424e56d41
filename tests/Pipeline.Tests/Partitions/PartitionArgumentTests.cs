using Pipeline.CommandLine;
using Pipeline.Secrets;

namespace Pipeline.Tests.Partitions;

public class PartitionArgumentTests
{
    [Theory]
    [InlineData("1/2", 1, 2)]
    [InlineData("2/4", 2, 4)]
    [InlineData("64/64", 64, 64)]
    public void A_slice_and_a_count_are_read_1_based(string text, int index, int count)
    {
        var slice = PartitionArgument.Parse(text)!;

        Assert.Equal((index, count), (slice.Index, slice.Count));
        Assert.False(slice.IsWhole);
        Assert.Equal(text, slice.ToString());
    }

    [Fact]
    public void No_option_means_no_slice()
    {
        Assert.Null(PartitionArgument.Parse(null));
        Assert.Null(CommandLineParser.Parse(["Test"], [], new SecretMasker()).Partition);
    }

    [Theory]
    [InlineData("--partition", "3/4")]
    [InlineData("--partition=3/4")]
    public void The_command_line_reads_the_option(params string[] args)
    {
        var options = CommandLineParser.Parse(["Test", .. args], [], new SecretMasker());

        Assert.Equal("3/4", options.Partition?.ToString());
        Assert.Equal(["Test"], options.Targets);
    }

    [Theory]
    [InlineData("abc", "expects a slice and a count as i/n")]
    [InlineData("2", "expects a slice and a count as i/n")]
    [InlineData("2/4/6", "expects a slice and a count as i/n")]
    [InlineData("-1/4", "expects a slice and a count as i/n")]
    [InlineData("+1/4", "expects a slice and a count as i/n")]
    [InlineData(" 1/4", "expects a slice and a count as i/n")]
    [InlineData("1/", "expects a slice and a count as i/n")]
    [InlineData("99999999999/4", "expects a slice and a count as i/n")]
    [InlineData("0/4", "the slice must be from 1 to 4")]
    [InlineData("5/4", "the slice must be from 1 to 4")]
    [InlineData("2/0", "the count must be from 2 to 64")]
    [InlineData("1/1", "the count must be from 2 to 64")]
    [InlineData("1/65", "the count must be from 2 to 64")]
    public void A_malformed_or_out_of_range_slice_is_a_usage_error(string text, string message)
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["Test", "--partition", text], [], new SecretMasker()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
