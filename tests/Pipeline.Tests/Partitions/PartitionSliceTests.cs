namespace Pipeline.Tests.Partitions;

public class PartitionSliceTests
{
    private static readonly string[] Projects =
    [
        "tests/Web.Tests", "tests/Api.Tests", "tests/Core.Tests", "tests/Cli.Tests", "tests/Data.Tests",
        "tests/Auth.Tests", "tests/Jobs.Tests", "tests/Mail.Tests", "tests/Search.Tests", "tests/Billing.Tests", "tests/Admin.Tests",
    ];

    public static TheoryData<int> Counts => [2, 3, 4, 5, 7, 11, 16];

    [Theory]
    [MemberData(nameof(Counts))]
    public void Every_item_lands_in_exactly_one_slice(int count)
    {
        var slices = Enumerable.Range(1, count).Select(index => new PartitionSlice(index, count).Of(Projects)).ToList();

        Assert.Equal(Projects.Order(StringComparer.Ordinal), slices.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.True(slices.Max(s => s.Count) - slices.Min(s => s.Count) <= 1, "The slices are not balanced.");
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_slice_does_not_depend_on_the_order_the_items_come_in(int count)
    {
        var shuffled = Projects.Reverse().Skip(3).Concat(Projects.Reverse().Take(3)).ToArray();

        for (var index = 1; index <= count; index++)
        {
            var slice = new PartitionSlice(index, count);
            Assert.Equal(slice.Of(Projects), slice.Of(shuffled));
        }
    }

    [Fact]
    public void Items_are_ordered_by_their_ordinal_key_and_dealt_out_in_turn()
    {
        string[] items = ["b", "a", "D", "c", "e"];

        // Ordinal order: D, a, b, c, e.
        Assert.Equal(["D", "c"], new PartitionSlice(1, 3).Of(items));
        Assert.Equal(["a", "e"], new PartitionSlice(2, 3).Of(items));
        Assert.Equal(["b"], new PartitionSlice(3, 3).Of(items));
    }

    [Fact]
    public void A_key_selects_what_items_are_sorted_by()
    {
        var items = new[] { (Name: "z", Id: 1), (Name: "y", Id: 2), (Name: "x", Id: 3) };

        Assert.Equal([items[2], items[0]], new PartitionSlice(1, 2).Of(items, i => i.Name));
    }

    [Fact]
    public void Items_with_the_same_key_land_in_the_same_slice()
    {
        string[] items = ["a", "b", "a", "c", "a"];

        var first = new PartitionSlice(1, 2).Of(items);
        var second = new PartitionSlice(2, 2).Of(items);

        Assert.Equal(["a", "a", "a", "c"], first);
        Assert.Equal(["b"], second);
    }

    [Fact]
    public void The_whole_takes_every_item()
    {
        Assert.True(PartitionSlice.Whole.IsWhole);
        Assert.Equal(Projects.Order(StringComparer.Ordinal), PartitionSlice.Whole.Of(Projects));
        Assert.Equal("1/1", PartitionSlice.Whole.ToString());
    }

    [Fact]
    public void More_slices_than_items_leaves_the_last_slices_empty()
    {
        Assert.Equal(["a"], new PartitionSlice(1, 4).Of(["a", "b"]));
        Assert.Empty(new PartitionSlice(4, 4).Of(["a", "b"]));
    }
}
