using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Hosts;

/// <summary>The <c>java.util.Properties</c> reader TeamCity's parameter files are read with.</summary>
public sealed class JavaPropertiesTests
{
    [Fact]
    public void Separators_escapes_continuations_and_comments_are_read_as_Java_reads_them()
    {
        var properties = JavaProperties.Parse(string.Join('\n',
            "# comment",
            "! another",
            "a=1",
            "b : 2",
            "c 3",
            "path=C\\:\\\\BuildAgent\\\\temp",
            "unicode=caf\\u00e9",
            "long=one \\",
            "    two",
            "key\\ with\\ spaces=x",
            "empty="));
        Assert.Equal("1", properties["a"]);
        Assert.Equal("2", properties["b"]);
        Assert.Equal("3", properties["c"]);
        Assert.Equal("C:\\BuildAgent\\temp", properties["path"]);
        Assert.Equal("café", properties["unicode"]);
        Assert.Equal("one two", properties["long"]);
        Assert.Equal("x", properties["key with spaces"]);
        Assert.Equal(string.Empty, properties["empty"]);
        Assert.Equal(8, properties.Count);
    }

    [Fact]
    public void Only_the_first_separator_ends_the_key() =>
        Assert.Equal("b=c:d", JavaProperties.Parse("a=b=c:d")["a"]);

    [Fact]
    public void An_even_number_of_trailing_backslashes_is_an_escaped_backslash_not_a_continuation()
    {
        var properties = JavaProperties.Parse("dir=C\\:\\\\\nnext=1");
        Assert.Equal("C:\\", properties["dir"]);
        Assert.Equal("1", properties["next"]);
    }

    [Fact]
    public void Windows_line_endings_end_lines_too()
    {
        var properties = JavaProperties.Parse("a=1\r\nb=2\r\n");
        Assert.Equal(("1", "2"), (properties["a"], properties["b"]));
    }

    [Fact]
    public void A_missing_file_has_no_properties() =>
        Assert.Empty(JavaProperties.Read(Path.Combine(Path.GetTempPath(), $"pipeline-missing-{Guid.NewGuid():N}.properties")));
}
