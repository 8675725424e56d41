using System.Reflection;
using Pipeline.CommandLine;
using Pipeline.Execution;
using Pipeline.Output;
using Pipeline.Planning;
using Pipeline.Secrets;

namespace Pipeline.Tests;

public class SecretMaskingTests
{
    private SecretMasker Masker { get; } = new();

    private FailureMessage Failures => new(Directory.GetCurrentDirectory(), Masker);

    private CurrentTarget Running { get; } = new();

    [Fact]
    public void A_registered_secret_is_replaced_everywhere_in_a_text()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);

        var masked = Masker.Apply($"token={secret}; again {secret}.");

        Assert.Equal("token=****; again ****.", masked);
    }

    [Fact]
    public void Text_without_secrets_is_left_alone()
    {
        Masker.Register(SecretValues.NewValue());

        Assert.Equal("nothing to hide here", Masker.Apply("nothing to hide here"));
    }

    [Fact]
    public void A_secret_containing_another_is_masked_whole()
    {
        var inner = SecretValues.NewValue();
        var outer = inner + "-and-more";
        Masker.Register(inner);
        Masker.Register(outer);

        Assert.Equal("[****]", Masker.Apply($"[{outer}]"));
        Assert.Equal("[****]", Masker.Apply($"[{inner}]"));
    }

    [Fact]
    public void Registering_a_secret_twice_is_harmless()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        Masker.Register(secret);

        Assert.Equal("****", Masker.Apply(secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ab")]
    public void Empty_and_very_short_values_are_not_registered(string? value)
    {
        Masker.Register(value);

        Assert.Equal("ab cd   ", Masker.Apply("ab cd   "));
    }

    [Fact]
    public void A_three_character_secret_is_masked()
    {
        // Unique per run: three characters is the documented minimum.
        var secret = "\u2603" + Guid.NewGuid().ToString("N")[..2];
        Masker.Register(secret);

        Assert.Equal("x****x", Masker.Apply($"x{secret}x"));
    }

    [Fact]
    public void The_masking_writer_masks_a_secret_written_in_pieces_within_one_line()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write("key=");
        writer.Write(secret[..5]);
        writer.Write(secret[5]);
        writer.Write(secret.AsSpan(6, 4));
        writer.Write(secret[10..].ToCharArray(), 0, secret.Length - 10);
        Assert.Equal(string.Empty, inner.ToString());
        writer.WriteLine(" end");

        Assert.Equal($"key=**** end{Environment.NewLine}", inner.ToString());
        Assert.DoesNotContain(secret, inner.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_masking_writer_passes_complete_lines_through_at_once_and_holds_back_the_rest()
    {
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write("first\nsecond");

        Assert.Equal("first\n", inner.ToString());
        writer.Write('\n');
        Assert.Equal("first\nsecond\n", inner.ToString());
    }

    [Fact]
    public void Flushing_the_masking_writer_writes_a_partial_line_with_a_whole_secret_masked()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write($"partial {secret}");
        writer.Flush();

        Assert.Equal("partial ****", inner.ToString());
    }

    [Fact]
    public void A_secret_flushed_in_two_pieces_is_masked_at_every_split_point()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        for (var split = 1; split < secret.Length; split++)
        {
            using var inner = new StringWriter();
            using var writer = new MaskingTextWriter(inner, Masker);

            writer.Write("key=" + secret[..split]);
            writer.Flush();
            writer.WriteLine(secret[split..] + " end");

            Assert.Equal($"key=**** end{Environment.NewLine}", inner.ToString());
        }
    }

    [Fact]
    public void A_flush_writes_out_a_partial_line_up_to_where_a_secret_could_begin()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write("progress 40% " + secret[..3]);
        writer.Flush();

        Assert.Equal("progress 40% ", inner.ToString());
    }

    [Fact]
    public void Held_back_text_that_turns_out_not_to_be_a_secret_is_written_as_it_was()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write("id " + secret[..10]);
        writer.Flush();
        writer.Write("!");
        writer.Flush();

        Assert.Equal("id " + secret[..10] + "!", inner.ToString());
    }

    [Fact]
    public void The_end_of_a_run_writes_out_a_held_back_tail()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write("last words " + secret[..4]);
        writer.Complete();

        Assert.Equal("last words " + secret[..4], inner.ToString());
    }

    [Fact]
    public void A_shorter_secret_that_begins_a_longer_one_waits_for_the_longer_one()
    {
        var shorter = SecretValues.NewValue();
        var longer = shorter + "-suffix";
        Masker.Register(shorter);
        Masker.Register(longer);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.Write("[" + shorter);
        writer.Flush();
        writer.WriteLine("-suffix]");

        Assert.Equal($"[****]{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public async Task A_secret_flushed_in_two_pieces_under_parallel_labelling_is_masked_at_every_split_point()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        var compile = new Build().Target("Compile");
        for (var split = 1; split < secret.Length; split++)
        {
            using var inner = new StringWriter();
            using var writer = new TargetLabellingWriter(new MaskingTextWriter(inner, Masker), Running) { LabelLines = true };

            await Task.Run(() =>
            {
                Running.Set(compile);
                writer.Write("key=" + secret[..split]);
                writer.Flush();
                writer.WriteLine(secret[split..]);
            });
            writer.Complete();

            Assert.Equal($"[Compile] key=****{Environment.NewLine}", inner.ToString());
        }
    }

    [Fact]
    public void A_multi_line_secret_written_line_by_line_is_masked()
    {
        var body = Guid.NewGuid().ToString("N");
        var secret = $"-----BEGIN KEY-----\n{body}\n-----END KEY-----";
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        foreach (var line in secret.Split('\n'))
        {
            writer.WriteLine(line);
        }

        Assert.DoesNotContain(body, inner.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_secret_written_whole_is_masked()
    {
        var body = Guid.NewGuid().ToString("N");
        var secret = $"-----BEGIN KEY-----\n{body}\n-----END KEY-----";
        Masker.Register(secret);
        using var inner = new StringWriter();
        using var writer = new MaskingTextWriter(inner, Masker);

        writer.WriteLine(secret);

        Assert.Equal($"****{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public void A_secret_on_the_command_line_is_registered_before_parsing_can_fail()
    {
        var secret = SecretValues.NewValue();
        var build = new Build();
        build.Secret("token", "Token.");

        Assert.Throws<UsageException>(() => CommandLineParser.Parse(["--token", secret, "--parallel", "0"], build.Parameters, Masker));

        Assert.Equal(SecretMasker.Mask, Masker.Apply(secret));
    }

    [Theory]
    [InlineData("--token={0}")]
    [InlineData("--token:{0}")]
    public void A_secret_given_with_an_equals_sign_or_colon_is_registered(string format)
    {
        var secret = SecretValues.NewValue();
        var build = new Build();
        build.Secret("token", "Token.");

        CommandLineParser.Parse([string.Format(System.Globalization.CultureInfo.InvariantCulture, format, secret)], build.Parameters, Masker);

        Assert.Equal(SecretMasker.Mask, Masker.Apply(secret));
    }

    [Fact]
    public void A_command_line_error_that_repeats_a_secret_is_masked_when_printed()
    {
        // The value was pasted a second time, so it also reads as a target name.
        var secret = SecretValues.NewValue();
        var build = new Build();
        build.Target("Deploy");
        build.Secret("token", "Token.");
        var options = CommandLineParser.Parse(["--token", secret, secret], build.Parameters, Masker);
        var error = Assert.Throws<PlanningException>(() => Plans.For(build, options.Targets, options.Skip));
        using var inner = new StringWriter();
        using var console = new MaskingTextWriter(inner, Masker);

        console.WriteLine($"error: {error.Message}");

        Assert.DoesNotContain(secret, inner.ToString(), StringComparison.Ordinal);
        Assert.Contains("Unknown target '****'", inner.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_command_shows_its_command_line_with_the_secret_masked()
    {
        var secret = SecretValues.NewValue();
        var run = Runs.Context(new Build());
        run.RegisterSecret(secret);
        using var inRun = run.Enter();

        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            Cmd.RunAsync("bash", ["-c", "exit 3", secret], new CommandOptions { Quiet = true }));

        Assert.Equal(3, error.ExitCode);
        Assert.Contains("Command exited with code 3: bash -c 'exit 3' ****", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_failure_message_is_masked_when_constructed()
    {
        var secret = SecretValues.NewValue();
        var run = Runs.Context(new Build());
        run.RegisterSecret(secret);
        using var inRun = run.Enter();

        var error = new CommandFailedException($"push failed with key {secret}");

        Assert.Equal("push failed with key ****", error.Message);
    }

    [Fact]
    public void Failure_messages_are_masked()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);

        var message = Failures.Of(new InvalidOperationException($"bad key {secret}"));

        Assert.Equal("InvalidOperationException: bad key ****", message);
    }

    [Fact]
    public async Task A_target_failure_reason_is_masked()
    {
        var secret = SecretValues.NewValue();
        var build = new Build();
        build.Target("Push").Executes(() => throw new InvalidOperationException($"rejected {secret}"));
        var context = Runs.Context(build);
        context.RegisterSecret(secret);

        var run = await Runs.RunAsync(build, context, "Push");

        Assert.Equal("InvalidOperationException: rejected ****", run.Result("Push").Reason);
    }

    [Fact]
    public void Failure_messages_show_the_type_only_where_it_says_something()
    {
        Assert.Equal("plain", Failures.Of(new Exception("plain")));
        Assert.Equal("IOException: disk full", Failures.Of(new IOException("disk full")));
        Assert.Equal("exit 1", Failures.Of(new CommandFailedException("exit 1")));
        Assert.Equal("2 test(s) failed", Failures.Of(new TestsFailedException("2 test(s) failed")));
        Assert.Equal("dup", Failures.Of(new BuildDefinitionException("dup")));
    }

    [Fact]
    public void Failure_messages_unwrap_single_inner_exceptions()
    {
        var inner = new InvalidOperationException("the real problem");

        Assert.Equal("InvalidOperationException: the real problem", Failures.Of(new AggregateException(inner)));
        Assert.Equal("InvalidOperationException: the real problem", Failures.Of(new TargetInvocationException(new AggregateException(inner))));
    }

    [Fact]
    public void Failure_messages_show_every_inner_exception_of_an_aggregate_each_masked()
    {
        var secret = SecretValues.NewValue();
        Masker.Register(secret);
        var nested = new AggregateException(new IOException($"disk full at {secret}"), new TargetInvocationException(new CommandFailedException("exit 1")));

        var message = Failures.Of(new AggregateException(new InvalidOperationException("first"), nested));

        Assert.Equal("3 errors: InvalidOperationException: first; IOException: disk full at ****; exit 1", message);
    }

    [Fact]
    public void Failure_messages_keep_an_aggregates_own_message()
    {
        var message = Failures.Of(new AggregateException("2 regions failed", new InvalidOperationException("eu"), new TimeoutException("us")));

        Assert.Equal("2 regions failed (2 errors): InvalidOperationException: eu; TimeoutException: us", message);
    }
}
