using Pipeline.Runner.Scripting;

namespace Pipeline.Tests.Scripting;

public sealed class RunnerArgumentsTests : IDisposable
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    private readonly TempDirectory _temp = new();

    public RunnerArgumentsTests()
    {
        Directory.CreateDirectory(_temp.Combine("repo", "build"));
        File.WriteAllText(_temp.Combine("repo", "build", "build.csx"), "// a script");
        Directory.CreateDirectory(_temp.Combine("repo", "src", "App"));
        Directory.CreateDirectory(_temp.Combine("elsewhere"));
        File.WriteAllText(_temp.Combine("elsewhere", "other.csx"), "// another script");
    }

    private string Repo => _temp.Combine("repo");

    [Fact]
    public void The_script_option_is_taken_out_and_every_other_argument_reaches_the_build_in_order()
    {
        var parsed = RunnerArguments.Parse(["Test", "--script", "other.csx", "--configuration", "Debug"], NoVariables, _temp.Combine("elsewhere"));

        Assert.Null(parsed.Error);
        Assert.Equal(_temp.Combine("elsewhere", "other.csx"), parsed.Script!.Path);
        Assert.Equal(["Test", "--configuration", "Debug"], parsed.BuildArguments);
    }

    [Fact]
    public void The_script_option_with_an_equals_sign_is_resolved_against_the_given_folder()
    {
        var parsed = RunnerArguments.Parse(["--script=../elsewhere/other.csx", "Test"], NoVariables, Repo);

        Assert.Null(parsed.Error);
        Assert.Equal(_temp.Combine("elsewhere", "other.csx"), parsed.Script!.Path);
        Assert.Equal(["Test"], parsed.BuildArguments);
    }

    [Theory]
    [InlineData("--host", "github-actions")]
    [InlineData("--host=github-actions")]
    public void The_host_name_is_read_in_both_forms_and_left_for_the_build_to_parse(params string[] hostArguments)
    {
        string[] args = ["Test", .. hostArguments, "--plan"];

        var parsed = RunnerArguments.Parse(args, NoVariables, Repo);

        Assert.Equal("github-actions", parsed.HostName);
        Assert.Equal(args, parsed.BuildArguments);
    }

    [Fact]
    public void Without_host_option_there_is_no_host_name_and_a_host_option_without_value_names_none()
    {
        Assert.Null(RunnerArguments.Parse(["Test"], NoVariables, Repo).HostName);
        Assert.Null(RunnerArguments.Parse(["Test", "--host"], NoVariables, Repo).HostName);
    }

    [Fact]
    public void A_value_of_the_script_option_is_never_taken_for_a_host_name_nor_passed_to_the_build()
    {
        var parsed = RunnerArguments.Parse(["--script", "--host", "Test"], NoVariables, Repo);

        Assert.Null(parsed.HostName);
        Assert.Equal("The build script '--host' does not exist.", parsed.Error);
    }

    [Fact]
    public void Script_option_without_a_value_is_a_usage_error()
    {
        var parsed = RunnerArguments.Parse(["Test", "--script"], NoVariables, Repo);

        Assert.Null(parsed.Script);
        Assert.Equal("--script expects the path of a .csx file.", parsed.Error);
    }

    [Fact]
    public void A_script_that_does_not_exist_is_named_as_written()
    {
        var parsed = RunnerArguments.Parse(["--script", "missing.csx"], NoVariables, Repo);

        Assert.Null(parsed.Script);
        Assert.Equal("The build script 'missing.csx' does not exist.", parsed.Error);
    }

    [Fact]
    public void Without_script_option_the_script_is_found_above_the_given_folder_whatever_the_process_current_directory()
    {
        var parsed = RunnerArguments.Parse(["Test"], NoVariables, _temp.Combine("repo", "src", "App"));

        Assert.Null(parsed.Error);
        Assert.Equal(_temp.Combine("repo", "build", "build.csx"), parsed.Script!.Path);
        Assert.Equal(Repo, parsed.Script.Root);
    }

    [Fact]
    public void PIPELINE_SCRIPT_from_the_given_environment_names_the_script_when_the_option_does_not()
    {
        Func<string, string?> environment = name => name == "PIPELINE_SCRIPT" ? "other.csx" : null;

        var fromVariable = RunnerArguments.Parse(["Test"], environment, _temp.Combine("elsewhere"));
        var fromOption = RunnerArguments.Parse(["--script", _temp.Combine("repo", "build", "build.csx")], environment, _temp.Combine("elsewhere"));

        Assert.Equal(_temp.Combine("elsewhere", "other.csx"), fromVariable.Script!.Path);
        Assert.Equal(_temp.Combine("repo", "build", "build.csx"), fromOption.Script!.Path);
    }

    [Fact]
    public void No_script_anywhere_above_the_given_folder_is_a_usage_error_that_says_what_to_do()
    {
        var parsed = RunnerArguments.Parse(["Test"], NoVariables, _temp.Combine("elsewhere"));

        Assert.Null(parsed.Script);
        Assert.Equal("No build/build.csx here or in any parent folder. Create one, or pass --script PATH.", parsed.Error);
    }

    public void Dispose() => _temp.Dispose();
}
