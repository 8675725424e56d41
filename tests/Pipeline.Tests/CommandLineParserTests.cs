using Pipeline.CommandLine;
using Pipeline.Secrets;

namespace Pipeline.Tests;

public class CommandLineParserTests
{
    [Fact]
    public void No_arguments_give_the_defaults()
    {
        var options = CommandLineParser.Parse([], [], new SecretMasker());

        Assert.Empty(options.Targets);
        Assert.Equal(1, options.Parallelism);
        Assert.False(options.KeepGoing);
        Assert.False(options.Only);
        Assert.False(options.ShowHelp);
        Assert.False(options.ShowPlan);
        Assert.False(options.Json);
        Assert.Empty(options.Skip);
        Assert.Null(options.SummaryJsonPath);
        Assert.Empty(options.ParameterValues);
    }

    [Fact]
    public void Target_names_are_taken_in_order()
    {
        var options = CommandLineParser.Parse(["Test", "Pack", "Compile"], [], new SecretMasker());

        Assert.Equal(["Test", "Pack", "Compile"], options.Targets);
    }

    [Fact]
    public void Parallel_alone_means_one_target_per_processor()
    {
        var options = CommandLineParser.Parse(["--parallel"], [], new SecretMasker());

        Assert.Equal(Environment.ProcessorCount, options.Parallelism);
    }

    [Fact]
    public void Parallel_with_a_number_sets_the_bound()
    {
        var options = CommandLineParser.Parse(["Compile", "--parallel", "3"], [], new SecretMasker());

        Assert.Equal(3, options.Parallelism);
        Assert.Equal(["Compile"], options.Targets);
    }

    [Fact]
    public void Parallel_with_an_equals_sign_sets_the_bound()
    {
        var options = CommandLineParser.Parse(["--parallel=5"], [], new SecretMasker());

        Assert.Equal(5, options.Parallelism);
    }

    [Fact]
    public void A_target_after_parallel_is_a_target_not_the_count()
    {
        var options = CommandLineParser.Parse(["Compile", "--parallel", "Test"], [], new SecretMasker());

        Assert.Equal(["Compile", "Test"], options.Targets);
        Assert.Equal(Environment.ProcessorCount, options.Parallelism);
    }

    [Fact]
    public void Parallel_followed_by_another_option_means_one_target_per_processor()
    {
        var options = CommandLineParser.Parse(["--parallel", "--keep-going", "Test"], [], new SecretMasker());

        Assert.Equal(Environment.ProcessorCount, options.Parallelism);
        Assert.True(options.KeepGoing);
        Assert.Equal(["Test"], options.Targets);
    }

    [Fact]
    public void Targets_may_surround_parallel_and_its_count()
    {
        var options = CommandLineParser.Parse(["Test", "--parallel", "2", "Pack"], [], new SecretMasker());

        Assert.Equal(2, options.Parallelism);
        Assert.Equal(["Test", "Pack"], options.Targets);
    }

    [Fact]
    public void Parallel_with_a_non_numeric_equals_value_is_a_usage_error_not_a_crash()
    {
        var error = Record.Exception(() => CommandLineParser.Parse(["--parallel=many"], [], new SecretMasker()));

        Assert.IsType<UsageException>(error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Parallel_below_one_is_a_usage_error(string count)
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["--parallel", count], [], new SecretMasker()));

        Assert.Contains("--parallel expects a positive number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_can_be_repeated_and_comma_separated()
    {
        var options = CommandLineParser.Parse(["Pack", "--skip", "Test", "--skip", "Lint, Docs"], [], new SecretMasker());

        Assert.Equal(["Test", "Lint", "Docs"], options.Skip);
        Assert.Equal(["Pack"], options.Targets);
    }

    [Fact]
    public void Only_and_keep_going_are_flags()
    {
        var options = CommandLineParser.Parse(["Test", "--only", "--keep-going"], [], new SecretMasker());

        Assert.True(options.Only);
        Assert.True(options.KeepGoing);
        Assert.Equal(["Test"], options.Targets);
    }

    [Fact]
    public void Help_plan_json_and_summary_json_are_read()
    {
        Assert.True(CommandLineParser.Parse(["--help"], [], new SecretMasker()).ShowHelp);
        Assert.True(CommandLineParser.Parse(["-h"], [], new SecretMasker()).ShowHelp);
        var options = CommandLineParser.Parse(["--plan", "--json", "--summary-json", "out/summary.json"], [], new SecretMasker());
        Assert.True(options.ShowPlan);
        Assert.True(options.Json);
        Assert.Equal("out/summary.json", options.SummaryJsonPath);
    }

    [Fact]
    public void A_parameter_value_is_read_after_a_space()
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Configuration.");

        var options = CommandLineParser.Parse(["Compile", "--configuration", "Debug"], build.Parameters, new SecretMasker());

        Assert.Equal(["Debug"], options.ParameterValues[configuration]);
        Assert.Equal(["Compile"], options.Targets);
    }

    [Theory]
    [InlineData("--configuration=Debug")]
    [InlineData("--configuration:Debug")]
    public void A_parameter_value_is_read_after_an_equals_sign_or_colon(string argument)
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Configuration.");

        var options = CommandLineParser.Parse([argument], build.Parameters, new SecretMasker());

        Assert.Equal(["Debug"], options.ParameterValues[configuration]);
    }

    [Fact]
    public void Parameters_not_given_are_absent_from_the_values()
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Configuration.");

        var options = CommandLineParser.Parse(["Compile"], build.Parameters, new SecretMasker());

        Assert.False(options.ParameterValues.ContainsKey(configuration));
    }

    [Fact]
    public void A_list_parameter_collects_repeated_values()
    {
        var build = new Build();
        var tags = build.Parameter("tags", Array.Empty<string>(), "Tags.");

        var options = CommandLineParser.Parse(["--tags", "a", "--tags", "b,c"], build.Parameters, new SecretMasker());

        Assert.Equal(["a", "b,c"], options.ParameterValues[tags]);
    }

    [Fact]
    public void A_bare_bool_flag_means_true()
    {
        var build = new Build();
        var sign = build.Parameter("sign", false, "Approve.");

        var options = CommandLineParser.Parse(["--sign"], build.Parameters, new SecretMasker());

        Assert.Equal(["true"], options.ParameterValues[sign]);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    [InlineData("0")]
    [InlineData("yes")]
    public void A_bool_flag_takes_an_explicit_value(string value)
    {
        var build = new Build();
        var sign = build.Parameter("sign", false, "Approve.");

        var options = CommandLineParser.Parse(["--sign", value, "Deploy"], build.Parameters, new SecretMasker());

        Assert.Equal([value], options.ParameterValues[sign]);
        Assert.Equal(["Deploy"], options.Targets);
    }

    [Fact]
    public void A_bool_flag_with_an_equals_value_takes_it()
    {
        var build = new Build();
        var sign = build.Parameter("sign", true, "Approve.");

        var options = CommandLineParser.Parse(["--sign=false"], build.Parameters, new SecretMasker());

        Assert.Equal(["false"], options.ParameterValues[sign]);
    }

    [Fact]
    public void A_target_name_after_a_bool_flag_stays_a_target()
    {
        var build = new Build();
        var sign = build.Parameter("sign", false, "Approve.");

        var options = CommandLineParser.Parse(["--sign", "Deploy"], build.Parameters, new SecretMasker());

        Assert.Equal(["true"], options.ParameterValues[sign]);
        Assert.Equal(["Deploy"], options.Targets);
    }

    [Fact]
    public void A_bare_flag_binds_true_end_to_end()
    {
        var build = new Build();
        var sign = build.Parameter("sign", false, "Approve.");

        var options = CommandLineParser.Parse(["Deploy", "--sign"], build.Parameters, new SecretMasker());
        var values = ParameterBinder.Bind(build.Parameters, options.ParameterValues, _ => null, Directory.GetCurrentDirectory(), new SecretMasker());

        Assert.Equal(true, values.Find(sign)?.Value);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_suggesting_the_closest_option()
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["Compile", "--paralel", "2"], [], new SecretMasker()));

        Assert.Contains("Unknown option '--paralel'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean --parallel?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_close_to_a_parameter_suggests_the_parameter()
    {
        var build = new Build();
        build.Parameter("configuration", "Release", "Configuration.");

        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["--configuratoin=Debug"], build.Parameters, new SecretMasker()));

        Assert.Contains("Unknown option '--configuratoin'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("--configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Debug", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_missing_its_value_is_a_usage_error()
    {
        var build = new Build();
        build.Parameter("configuration", "Release", "Configuration.");

        Assert.Throws<UsageException>(() => CommandLineParser.Parse(["--configuration"], build.Parameters, new SecretMasker()));
    }
}
