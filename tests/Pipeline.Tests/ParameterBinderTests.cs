using Pipeline.CommandLine;
using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;
using Pipeline.Secrets;

namespace Pipeline.Tests;

public class ParameterBinderTests
{
    private SecretMasker Masker { get; } = new();

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void The_command_line_wins_over_the_environment_and_the_default()
    {
        var build = new Build();
        var retries = build.Parameter("retries", 1, "Retries.");

        using var run = Bind(build, Values((retries, ["3"])), Environment(("PIPELINE_RETRIES", "2")));

        Assert.Equal(3, retries.Value);
        Assert.Equal(ParameterSource.CommandLine, retries.Source);
    }

    [Fact]
    public void The_environment_wins_over_the_default()
    {
        var build = new Build();
        var retries = build.Parameter("retries", 1, "Retries.");

        using var run = Bind(build, Values(), Environment(("PIPELINE_RETRIES", "2")));

        Assert.Equal(2, retries.Value);
        Assert.Equal(ParameterSource.Environment, retries.Source);
    }

    [Fact]
    public void The_default_is_used_when_no_source_gives_a_value()
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Configuration.");

        using var run = Bind(build, Values(), NoEnvironment);

        Assert.Equal("Release", configuration.Value);
        Assert.Equal(ParameterSource.Default, configuration.Source);
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Configuration.");

        using var run = Bind(build, Values(), Environment(("PIPELINE_CONFIGURATION", string.Empty)));

        Assert.Equal("Release", configuration.Value);
        Assert.Equal(ParameterSource.Default, configuration.Source);
    }

    [Fact]
    public void The_default_environment_variable_is_PIPELINE_and_the_name_in_upper_case_with_underscores()
    {
        var build = new Build();
        var apiUrl = build.Parameter("api-url", "http://default", "API.");

        Assert.Equal("PIPELINE_API_URL", apiUrl.EnvironmentVariable);
        using var run = Bind(build, Values(), Environment(("PIPELINE_API_URL", "http://from-env")));
        Assert.Equal("http://from-env", apiUrl.Value);
    }

    [Fact]
    public void A_custom_environment_variable_is_read_instead_of_the_default_one()
    {
        var build = new Build();
        var token = build.Parameter("token", "none", "Token.", environmentVariable: "GITHUB_TOKEN");

        using var run = Bind(build, Values(), Environment(("GITHUB_TOKEN", "from-github"), ("PIPELINE_TOKEN", "ignored")));

        Assert.Equal("GITHUB_TOKEN", token.EnvironmentVariable);
        Assert.Equal("from-github", token.Value);
    }

    [Fact]
    public void A_list_from_the_environment_is_comma_separated()
    {
        var build = new Build();
        var tags = build.Parameter("tags", new[] { "default" }, "Tags.");

        using var run = Bind(build, Values(), Environment(("PIPELINE_TAGS", "a,b")));

        Assert.Equal(["a", "b"], tags.Value);
    }

    [Fact]
    public void A_bare_flag_on_the_command_line_is_true()
    {
        var build = new Build();
        var sign = build.Parameter("sign", false, "Approve.");

        using var run = Bind(build, Values((sign, [])), NoEnvironment);

        Assert.True(sign.Value);
    }

    [Fact]
    public void A_nullable_parameter_binds_the_underlying_type()
    {
        var build = new Build();
        var port = build.Parameter<int?>("port", null, "Port.");

        using var run = Bind(build, Values((port, ["8080"])), NoEnvironment);

        Assert.Equal(8080, port.Value);
    }

    [Fact]
    public void A_required_parameter_nobody_gave_is_left_unset_for_the_targets_that_require_it()
    {
        var build = new Build();
        var version = build.RequiredParameter<string>("release-version", "The version to release.");
        var release = build.Target("Release").Requires(version);

        using var run = Bind(build, Values(), NoEnvironment);

        Assert.Equal(ParameterSource.Unset, version.Source);
        Assert.Equal(
            "Target 'Release' requires --release-version (or the environment variable PIPELINE_RELEASE_VERSION): The version to release.",
            ParameterBinder.MissingFor([release], run.Parameters));
    }

    [Fact]
    public void Reading_a_required_parameter_nobody_gave_says_how_to_give_it_in_one_sentence_each()
    {
        var build = new Build();
        var version = build.RequiredParameter<string>("release-version", "The version to release.");
        using var run = Bind(build, Values(), NoEnvironment);

        var error = Assert.Throws<MissingParameterException>(() => version.Value);

        Assert.StartsWith(
            "--release-version was not given: The version to release. Pass --release-version <value> or set PIPELINE_RELEASE_VERSION;",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_parameter_given_in_the_environment_is_bound()
    {
        var build = new Build();
        var version = build.RequiredParameter<string>("release-version", "The version.");

        using var run = Bind(build, Values(), Environment(("PIPELINE_RELEASE_VERSION", "1.2.3")));

        Assert.Equal("1.2.3", version.Value);
    }

    [Fact]
    public void A_malformed_command_line_value_names_the_option_and_the_expected_type()
    {
        var build = new Build();
        var retries = build.Parameter("retries", 1, "Retries.");

        var error = Assert.Throws<UsageException>(() => Bind(build, Values((retries, ["abc"])), NoEnvironment));

        Assert.Equal("--retries: expected int, got 'abc'.", error.Message);
    }

    [Fact]
    public void A_malformed_environment_value_names_the_variable_and_the_option()
    {
        var build = new Build();
        build.Parameter("retries", 1, "Retries.");

        var error = Assert.Throws<UsageException>(() => Bind(build, Values(), Environment(("PIPELINE_RETRIES", "abc"))));

        Assert.Equal("PIPELINE_RETRIES (for --retries): expected int, got 'abc'.", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_together()
    {
        var build = new Build();
        var retries = build.Parameter("retries", 1, "Retries.");
        build.Parameter("flavour", Flavour.Debug, "Flavour.");
        build.RequiredParameter<string>("release-version", "The version.");
        build.Parameter("fine", "x", "Fine.");

        var error = Assert.Throws<UsageException>(() =>
            Bind(build, Values((retries, ["abc"])), Environment(("PIPELINE_FLAVOUR", "Fast"))));

        var lines = error.Message.Split(System.Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("--retries:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("PIPELINE_FLAVOUR (for --flavour):", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_value_before_binding_is_an_error_naming_the_parameter()
    {
        var build = new Build();
        var retries = build.Parameter("retries", 1, "Retries.");

        var error = Assert.Throws<InvalidOperationException>(() => retries.Value);

        Assert.Contains("'retries'", error.Message, StringComparison.Ordinal);
        Assert.Equal("--retries", retries.ToString());
    }

    [Fact]
    public void A_parameter_converts_implicitly_to_its_value()
    {
        var build = new Build();
        var configuration = build.Parameter("configuration", "Release", "Configuration.");
        using var run = Bind(build, Values(), NoEnvironment);

        string value = configuration;

        Assert.Equal("Release", value);
    }

    [Fact]
    public void An_optional_secret_without_a_value_is_unset_but_not_an_error()
    {
        var build = new Build();
        var token = build.Secret("token", "Token.");

        using var run = Bind(build, Values(), NoEnvironment);

        Assert.Equal(ParameterSource.Unset, token.Source);
        Assert.Null(token.Value);
        Assert.Null(((IParameter)token).DisplayDefault(build.Root));
    }

    [Fact]
    public void A_secret_from_the_environment_is_registered_for_masking()
    {
        var secret = SecretValues.NewValue();
        var build = new Build();
        var token = build.Secret("token", "Token.");

        using var run = Bind(build, Values(), Environment(("PIPELINE_TOKEN", secret)));

        Assert.Equal(secret, token.Value);
        Assert.Equal($"key={SecretMasker.Mask}", Masker.Apply($"key={secret}"));
    }

    [Fact]
    public void A_secret_from_the_command_line_is_registered_for_masking()
    {
        var secret = SecretValues.NewValue();
        var build = new Build();
        var token = build.Secret("token", "Token.");

        using var run = Bind(build, Values((token, [secret])), NoEnvironment);

        Assert.Equal(SecretMasker.Mask, Masker.Apply(secret));
    }

    [Fact]
    public void A_target_requiring_an_unset_parameter_is_reported_with_the_parameter_and_its_environment_variable()
    {
        var build = new Build();
        var token = build.Secret("token", "Key for the feed.");
        var publish = build.Target("Publish").Requires(token);
        using var run = Bind(build, Values(), NoEnvironment);

        var missing = ParameterBinder.MissingFor([publish], run.Parameters);

        Assert.Equal("Target 'Publish' requires --token (or the environment variable PIPELINE_TOKEN): Key for the feed.", missing);
    }

    [Fact]
    public void A_target_requiring_an_empty_string_parameter_is_reported()
    {
        var build = new Build();
        var version = build.Parameter("release-version", string.Empty, "Version.");
        var release = build.Target("Release").Requires(version);
        using var run = Bind(build, Values(), NoEnvironment);

        Assert.NotNull(ParameterBinder.MissingFor([release], run.Parameters));
    }

    [Fact]
    public void A_target_requiring_a_given_parameter_is_satisfied()
    {
        var build = new Build();
        var token = build.Secret("token", "Key.");
        var publish = build.Target("Publish").Requires(token);
        using var run = Bind(build, Values(), Environment(("PIPELINE_TOKEN", SecretValues.NewValue())));

        Assert.Null(ParameterBinder.MissingFor([publish], run.Parameters));
    }

    [Fact]
    public void Only_scheduled_targets_are_checked_for_required_parameters()
    {
        var build = new Build();
        var token = build.Secret("token", "Key.");
        var version = build.Secret("release-version", "Version.");
        var publish = build.Target("Publish").Requires(token);
        var tag = build.Target("Tag").Requires(token, version);
        var compile = build.Target("Compile");
        using var run = Bind(build, Values(), NoEnvironment);

        Assert.Null(ParameterBinder.MissingFor([compile], run.Parameters));
        var missing = ParameterBinder.MissingFor([publish, tag], run.Parameters)!.Split(System.Environment.NewLine);
        Assert.Equal(3, missing.Length);
        Assert.StartsWith("Target 'Publish' requires --token", missing[0], StringComparison.Ordinal);
        Assert.StartsWith("Target 'Tag' requires --token", missing[1], StringComparison.Ordinal);
        Assert.StartsWith("Target 'Tag' requires --release-version", missing[2], StringComparison.Ordinal);
    }

    /// <summary>Binds the parameters as a run would, and makes that run the current one until disposed.</summary>
    private BoundRun Bind(Build build, Dictionary<IParameter, IReadOnlyList<string>> commandLine, Func<string, string?> environment)
    {
        var values = ParameterBinder.Bind(build.Parameters, commandLine, environment, Directory.GetCurrentDirectory(), Masker);
        var channel = new HostChannel(new LocalHost(), HostEnvironment.From(new Dictionary<string, string>()), Masker, _ => { }, _ => { });
        var run = new RunContext(build, channel, Masker, new CurrentTarget(), TimeProvider.System, values);
        return new BoundRun(values, run.Enter());
    }

    private sealed class BoundRun(ParameterValues parameters, IDisposable scope) : IDisposable
    {
        public ParameterValues Parameters { get; } = parameters;

        public void Dispose() => scope.Dispose();
    }

    private static Dictionary<IParameter, IReadOnlyList<string>> Values(params (IParameter Parameter, string[] Raw)[] values) =>
        values.ToDictionary(v => v.Parameter, v => (IReadOnlyList<string>)v.Raw);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
