namespace Pipeline.Tests;

public enum Flavour
{
    Debug,
    Release,
}

public class ParameterValueParserTests
{
    private static readonly string Root = Directory.GetCurrentDirectory();

    [Fact]
    public void A_string_is_taken_as_given()
    {
        Assert.Equal(" with spaces, and commas ", Parse<string>(" with spaces, and commas "));
    }

    [Fact]
    public void The_last_of_several_values_wins_for_a_single_value_parameter()
    {
        Assert.Equal("second", Parse<string>("first", "second"));
    }

    [Fact]
    public void A_bare_bool_flag_is_true()
    {
        Assert.True(Parse<bool>());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData(" no ", false)]
    public void A_bool_accepts_the_usual_spellings(string text, bool expected)
    {
        Assert.Equal(expected, Parse<bool>(text));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("y")]
    public void Anything_else_is_not_a_bool(string text)
    {
        Assert.Equal($"expected bool, got '{text}'", Error<bool>(text));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData(" 3 ", 3)]
    [InlineData("2147483647", int.MaxValue)]
    public void An_int_parses_invariantly(string text, int expected)
    {
        Assert.Equal(expected, Parse<int>(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("1,000")]
    [InlineData("")]
    public void Text_that_is_not_an_int_is_rejected_naming_the_type(string text)
    {
        Assert.Equal($"expected int, got '{text}'", Error<int>(text));
    }

    [Fact]
    public void A_long_holds_values_beyond_int()
    {
        Assert.Equal(5_000_000_000L, Parse<long>("5000000000"));
        Assert.Equal("expected long, got 'lots'", Error<long>("lots"));
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("7", 7.0)]
    public void A_double_parses_with_a_dot_as_the_decimal_separator(string text, double expected)
    {
        Assert.Equal(expected, Parse<double>(text));
    }

    [Fact]
    public void A_double_with_a_decimal_comma_is_rejected_as_not_a_number()
    {
        Assert.Equal("expected number, got '1,5'", Error<double>("1,5"));
    }

    [Theory]
    [InlineData("Release", Flavour.Release)]
    [InlineData("release", Flavour.Release)]
    [InlineData("DEBUG", Flavour.Debug)]
    [InlineData(" Debug ", Flavour.Debug)]
    public void An_enum_matches_names_ignoring_case(string text, Flavour expected)
    {
        Assert.Equal(expected, Parse<Flavour>(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("42")]
    [InlineData("Relase")]
    public void An_enum_rejects_numbers_and_unknown_names_listing_the_names(string text)
    {
        Assert.Equal($"expected one of Debug, Release, got '{text}'", Error<Flavour>(text));
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_current_directory()
    {
        var path = Parse<AbsolutePath>("artifacts/out");

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "out"), path.FullPath);
    }

    [Fact]
    public void An_absolute_path_is_normalised_without_a_trailing_separator()
    {
        var path = Parse<AbsolutePath>("/tmp/a/../b/");

        Assert.Equal("/tmp/b", path.FullPath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\0b")]
    public void An_empty_or_malformed_path_is_rejected(string text)
    {
        Assert.Equal($"expected path, got '{text}'", Error<AbsolutePath>(text));
    }

    [Fact]
    public void A_string_array_takes_repeated_values()
    {
        Assert.Equal(["a", "b"], Parse<string[]>("a", "b"));
    }

    [Fact]
    public void A_string_array_splits_comma_separated_values_and_trims_them()
    {
        Assert.Equal(["a", "b", "c"], Parse<string[]>("a, b", "c"));
    }

    [Fact]
    public void Empty_items_of_a_list_are_dropped()
    {
        Assert.Equal(["a", "b"], Parse<string[]>("a,,b,"));
    }

    [Fact]
    public void An_int_array_parses_each_item()
    {
        Assert.Equal([1, 2, 3], Parse<int[]>("1,2", "3"));
    }

    [Fact]
    public void A_read_only_list_parameter_parses_like_an_array()
    {
        IReadOnlyList<Flavour> flavours = Parse<IReadOnlyList<Flavour>>("debug,RELEASE");

        Assert.Equal([Flavour.Debug, Flavour.Release], flavours);
    }

    [Fact]
    public void A_path_list_resolves_each_item()
    {
        var paths = Parse<AbsolutePath[]>("/x,/y");

        Assert.Equal(["/x", "/y"], paths.Select(p => p.FullPath));
    }

    [Fact]
    public void A_bad_list_item_is_named_with_what_was_expected()
    {
        Assert.Equal("expected list of int, but 'two' is not an integer", Error<int[]>("1,two"));
        Assert.Equal("expected list of number, but 'x' is not a number", Error<double[]>("x"));
        Assert.Equal("expected list of bool, but 'x' is not true or false", Error<bool[]>("x"));
        var enumError = Error<Flavour[]>("x");
        Assert.StartsWith("expected list of one of Debug, Release, but 'x' is not", enumError, StringComparison.Ordinal);
    }

    [Fact]
    public void No_values_for_a_list_give_an_empty_list()
    {
        Assert.Empty(Parse<int[]>());
    }

    [Theory]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(bool), "bool")]
    [InlineData(typeof(int), "int")]
    [InlineData(typeof(long), "long")]
    [InlineData(typeof(double), "number")]
    [InlineData(typeof(AbsolutePath), "path")]
    [InlineData(typeof(Flavour), "one of Debug, Release")]
    [InlineData(typeof(string[]), "list of string")]
    [InlineData(typeof(IReadOnlyList<int>), "list of int")]
    public void Types_are_described_as_users_read_them(Type type, string expected)
    {
        Assert.Equal(expected, ParameterValueParser.Describe(type));
    }

    [Theory]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(bool), true)]
    [InlineData(typeof(int), true)]
    [InlineData(typeof(long), true)]
    [InlineData(typeof(double), true)]
    [InlineData(typeof(Flavour), true)]
    [InlineData(typeof(AbsolutePath), true)]
    [InlineData(typeof(int[]), true)]
    [InlineData(typeof(IReadOnlyList<string>), true)]
    [InlineData(typeof(DateTime), false)]
    [InlineData(typeof(decimal), false)]
    [InlineData(typeof(List<string>), false)]
    [InlineData(typeof(DateTime[]), false)]
    public void Only_the_documented_types_are_supported(Type type, bool supported)
    {
        Assert.Equal(supported, ParameterValueParser.IsSupported(type));
    }

    [Fact]
    public void Values_are_displayed_invariantly_and_lists_comma_separated()
    {
        Assert.Null(ParameterValueParser.Display(null, Root));
        Assert.Equal("\"\"", ParameterValueParser.Display(string.Empty, Root));
        Assert.Equal("true", ParameterValueParser.Display(true, Root));
        Assert.Equal("1.5", ParameterValueParser.Display(1.5, Root));
        Assert.Equal("Release", ParameterValueParser.Display(Flavour.Release, Root));
        Assert.Equal("a,b", ParameterValueParser.Display(new[] { "a", "b" }, Root));
    }

    [Fact]
    public void A_path_is_displayed_relative_to_the_root_it_is_given_not_to_the_current_directory()
    {
        var root = Path.Combine(Path.GetTempPath(), "some-repository");

        Assert.Equal(Path.Combine("artifacts", "out"), ParameterValueParser.Display(AbsolutePath.From(Path.Combine(root, "artifacts", "out")), root));
    }

    private static T Parse<T>(params string[] raw)
    {
        Assert.True(ParameterValueParser.TryParse(typeof(T), raw, Directory.GetCurrentDirectory(), out var value, out var error), error);
        return Assert.IsAssignableFrom<T>(value);
    }

    private static string Error<T>(params string[] raw)
    {
        Assert.False(ParameterValueParser.TryParse(typeof(T), raw, Directory.GetCurrentDirectory(), out var value, out var error));
        Assert.Null(value);
        return error;
    }
}
