using Pipeline.Bench;

// The benchmark harness of Pipeline (./build.sh Bench). Two modes:
//   Pipeline.Bench [options]                     measures everything and prints one table;
//   Pipeline.Bench --probe-rss -- COMMAND [ARG]  runs COMMAND, then prints the peak RSS of its process (used by the first mode).
// Exit codes: 0 when every figure was measured (a MISS is a result, not a failure), 1 when one could not be, 2 usage.
if (args.Length > 0 && args[0] == RssProbe.Option)
{
    return RssProbe.Run(args);
}

var options = BenchOptions.Parse(args);
if (options.Error is { } error)
{
    await Console.Error.WriteLineAsync($"error: {error}{Environment.NewLine}{BenchOptions.Usage}");
    return 2;
}

if (options.ShowHelp)
{
    await Console.Out.WriteLineAsync(BenchOptions.Usage);
    return 0;
}

return await BenchRun.RunAsync(options);
