namespace Pipeline.Tests.Partitions;

public class ClosingLineMergeTests
{
    [Fact]
    public void Counts_of_the_same_label_are_summed_into_one_line_of_the_same_form()
    {
        var merged = ClosingLineMerge.Merge(["Test: 10 passed, 0 failed", "Test: 7 passed, 2 failed", "Test: 0 passed, 1 failed"]);

        Assert.Equal(["Test: 17 passed, 3 failed"], merged);
    }

    [Fact]
    public void Each_label_is_summed_on_its_own_in_the_order_labels_first_appear()
    {
        var merged = ClosingLineMerge.Merge(["Unit: 3 passed, 0 failed", "Integration tests: 1 passed, 1 failed", "Unit: 4 passed, 1 failed"]);

        Assert.Equal(["Unit: 7 passed, 1 failed", "Integration tests: 1 passed, 1 failed"], merged);
    }

    [Fact]
    public void Other_lines_are_kept_once_each_in_order()
    {
        var merged = ClosingLineMerge.Merge(["coverage: artifacts/coverage", "Test: 1 passed, 0 failed", "Test: 2 passed, 0 failed", "coverage: artifacts/coverage", "slow tests: 3"]);

        Assert.Equal(["coverage: artifacts/coverage", "Test: 3 passed, 0 failed", "slow tests: 3"], merged);
    }

    [Theory]
    [InlineData("Test: 3 passed")]
    [InlineData("Test: 3 passed, 1 failed, 2 skipped")]
    [InlineData("Test: many passed, 0 failed")]
    [InlineData(": 3 passed, 0 failed")]
    public void A_line_not_exactly_of_the_counting_form_is_kept_as_it_is(string line)
    {
        Assert.Equal([line], ClosingLineMerge.Merge([line, line]));
    }

    [Fact]
    public void Sums_beyond_a_32_bit_count_do_not_overflow()
    {
        var merged = ClosingLineMerge.Merge(["Test: 2147483647 passed, 0 failed", "Test: 1 passed, 0 failed"]);

        Assert.Equal(["Test: 2147483648 passed, 0 failed"], merged);
    }
}
