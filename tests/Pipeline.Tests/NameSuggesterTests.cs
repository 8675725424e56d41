using Pipeline.Planning;

namespace Pipeline.Tests;

public class NameSuggesterTests
{
    [Fact]
    public void Prefix_matches_come_before_close_spellings()
    {
        var suggestions = NameSuggester.Suggest("Pub", ["Pull", "Publish", "PublishDocs", "Compile"]);

        Assert.Equal(["Publish", "PublishDocs", "Pull"], suggestions);
    }

    [Fact]
    public void At_most_the_requested_number_of_suggestions_are_given()
    {
        var suggestions = NameSuggester.Suggest("T", ["T1", "T2", "T3", "T4"], max: 2);

        Assert.Equal(["T1", "T2"], suggestions);
    }

    [Fact]
    public void Names_far_from_the_typed_one_are_not_suggested()
    {
        Assert.Empty(NameSuggester.Suggest("Deploy", ["Compile", "Test"]));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("abc", "abd", 1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_edits_and_swaps_of_neighbours(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggester.Distance(a, b));
    }
}
