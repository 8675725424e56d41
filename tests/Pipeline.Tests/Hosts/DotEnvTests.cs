using Pipeline.Hosts;

namespace Pipeline.Tests.Hosts;

/// <summary>The one dotenv writer: quoted lines for <c>artifacts/outputs.env</c>, strict lines for hosts whose readers take no quoting.</summary>
public sealed class DotEnvTests
{
    [Fact]
    public void A_plain_value_is_written_as_it_is() =>
        Assert.Equal("VERSION=1.2.0-beta.4\n", DotEnv.Line(new("VERSION", "1.2.0-beta.4")));

    [Fact]
    public void A_value_with_line_breaks_quotes_or_backslashes_is_quoted_with_escapes() =>
        Assert.Equal("NOTES=\"say \\\"hi\\\"\\nC:\\\\temp\"\n", DotEnv.Line(new("NOTES", "say \"hi\"\r\nC:\\temp")));

    [Fact]
    public void Strict_lines_leave_out_what_a_strict_reader_would_reject_the_whole_file_for()
    {
        KeyValuePair<string, string>[] outputs = [new("VERSION", "1.2.0"), new("2FA", "on"), new("package-path", "a.nupkg"), new("NOTES", "one\ntwo"), new("_OK", "x")];
        Assert.Equal("VERSION=1.2.0\n_OK=x\n", DotEnv.StrictLines(outputs));
        Assert.Equal(
            ["its name is not a variable name", "its name is not a variable name", "its value spans lines"],
            outputs.Select(o => DotEnv.StrictProblem(o.Key, o.Value)).OfType<string>());
    }

    [Fact]
    public void Strict_lines_of_nothing_writable_are_none() =>
        Assert.Null(DotEnv.StrictLines([new("NOTES", "one\ntwo")]));
}
