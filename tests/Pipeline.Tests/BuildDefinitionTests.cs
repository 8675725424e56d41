using Pipeline.Execution;

namespace Pipeline.Tests;

public class BuildDefinitionTests
{
    [Fact]
    public void Declared_targets_keep_declaration_order()
    {
        var build = new Build();
        var a = build.Target("A");
        var b = build.Target("B");

        Assert.Equal([a, b], build.Targets);
        Assert.Equal("A", a.ToString());
    }

    [Fact]
    public void Declared_parameters_keep_declaration_order()
    {
        var build = new Build();
        var x = build.Parameter("x", 1, "X.");
        var y = build.Secret("y", "Y.");

        Assert.Equal<IParameter>([x, y], build.Parameters);
    }

    [Theory]
    [InlineData("Compile")]
    [InlineData("compile")]
    [InlineData("COMPILE")]
    public void A_target_declared_twice_ignoring_case_is_a_definition_error(string second)
    {
        var build = new Build();
        build.Target("Compile");

        var error = Assert.Throws<BuildDefinitionException>(() => build.Target(second));

        Assert.Contains("declared twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-Compile")]
    [InlineData("Run Tests")]
    [InlineData("Tab\tName")]
    public void A_target_name_starting_with_a_dash_or_holding_spaces_is_a_definition_error(string name)
    {
        var build = new Build();

        Assert.Throws<BuildDefinitionException>(() => build.Target(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_target_name_is_rejected(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Build().Target(name));
    }

    [Fact]
    public void A_target_referring_to_itself_is_a_definition_error()
    {
        var build = new Build();
        var compile = build.Target("Compile");

        Assert.Throws<BuildDefinitionException>(() => compile.DependsOn(compile));
        Assert.Throws<BuildDefinitionException>(() => compile.Before(compile));
        Assert.Throws<BuildDefinitionException>(() => compile.After(compile));
        Assert.Throws<BuildDefinitionException>(() => compile.Triggers(compile));
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("help")]
    [InlineData("h")]
    [InlineData("json")]
    [InlineData("parallel")]
    [InlineData("keep-going")]
    [InlineData("skip")]
    [InlineData("only")]
    [InlineData("summary-json")]
    [InlineData("script")]
    [InlineData("version")]
    public void A_parameter_named_like_a_pipeline_option_is_a_definition_error(string name)
    {
        var build = new Build();

        var error = Assert.Throws<BuildDefinitionException>(() => build.Parameter(name, "x", "Clashes."));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Configuration")]
    [InlineData("api_key")]
    [InlineData("1st")]
    [InlineData("-name")]
    [InlineData("name-")]
    [InlineData("api key")]
    public void A_parameter_name_that_is_not_lower_kebab_case_is_a_definition_error(string name)
    {
        var build = new Build();

        var error = Assert.Throws<BuildDefinitionException>(() => build.Parameter(name, "x", "Bad."));

        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_declared_twice_is_a_definition_error()
    {
        var build = new Build();
        build.Parameter("configuration", "Release", "Configuration.");

        var error = Assert.Throws<BuildDefinitionException>(() => build.Secret("configuration", "Again."));

        Assert.Contains("declared twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_of_an_unsupported_type_is_a_definition_error()
    {
        var build = new Build();

        var error = Assert.Throws<BuildDefinitionException>(() => build.Parameter("when", DateTime.MinValue, "When."));

        Assert.Contains("cannot parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_parameter_is_not_added()
    {
        var build = new Build();

        Assert.Throws<BuildDefinitionException>(() => build.Parameter("plan", "x", "Clashes."));

        Assert.Empty(build.Parameters);
    }

    [Fact]
    public void Parameters_describe_themselves_for_help()
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Build configuration.");
        var version = build.RequiredParameter<string>("release-version", "Version.");
        var token = build.Secret("api-key", "Key.", environmentVariable: "NUGET_KEY");

        Assert.Equal("Release", ((IParameter)configuration).DisplayDefault(build.Root));
        Assert.False(configuration.IsRequired);
        Assert.Equal(typeof(string), configuration.ValueType);
        Assert.True(version.IsRequired);
        Assert.Null(((IParameter)version).DisplayDefault(build.Root));
        Assert.True(token.IsSecret);
        Assert.False(token.IsRequired);
        Assert.Equal("NUGET_KEY", token.EnvironmentVariable);
    }

    [Fact]
    public void The_default_target_is_recorded()
    {
        var build = new Build();
        var compile = build.Target("Compile");

        Assert.Null(build.DefaultTarget);
        Assert.Same(compile, build.Default(compile));
        Assert.Same(compile, build.DefaultTarget);
    }

    [Fact]
    public async Task Closing_lines_written_in_a_run_are_kept_in_order_by_that_run()
    {
        var build = new Build();
        build.Target("Report").Executes(() =>
        {
            build.WriteAtEnd("first");
            build.WriteAtEnd("second");
        });
        var first = Runs.Context(build);
        var second = Runs.Context(build);

        await Runs.RunAsync(build, first, "Report");

        Assert.Equal(["first", "second"], first.ClosingLines);
        Assert.Empty(second.ClosingLines);
    }

    [Fact]
    public async Task A_closing_line_written_while_declaring_is_part_of_the_definition_and_comes_first_in_every_run()
    {
        var build = new Build();
        build.WriteAtEnd("declared");
        build.Target("Report").Executes(() => build.WriteAtEnd("from the body"));
        var first = Runs.Context(build);
        var second = Runs.Context(build);

        await Runs.RunAsync(build, first, "Report");
        await Runs.RunAsync(build, second, "Report");

        Assert.Equal(["declared", "from the body"], first.ClosingLines);
        Assert.Equal(["declared", "from the body"], second.ClosingLines);
    }

    [Fact]
    public async Task Declaring_a_target_from_a_targets_body_is_a_definition_error()
    {
        var build = new Build();
        build.Target("Sneaky").Executes(() => build.Target("Late"));

        var run = await Runs.RunAsync(build, "Sneaky");

        Assert.Equal(TargetOutcome.Failed, run.Outcome("Sneaky"));
        Assert.Contains("Target 'Late' belongs to the build's definition", run.Result("Sneaky").Reason, StringComparison.Ordinal);
        Assert.Single(build.Targets);
    }
}
