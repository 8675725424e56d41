using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Pipeline.Bench;

/// <summary>What a finished child process did, and how long it took from start to exit (output drained).</summary>
internal sealed record ChildResult(int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError)
{
    public string Describe() =>
        $"exit code {ExitCode}{Environment.NewLine}--- stdout:{Environment.NewLine}{StandardOutput}--- stderr:{Environment.NewLine}{StandardError}";
}

/// <summary>
/// Starts one program (never a shell string) with the benchmark's environment, times it with a stopwatch
/// around start and exit, and kills its process tree if it outlives its time limit.
/// </summary>
internal static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(standardOutput, line.Data);
        process.ErrorDataReceived += (_, line) => Append(standardError, line.Data);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new MeasurementException($"'{Describe(program, arguments)}' could not start: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new MeasurementException(
                $"'{Describe(program, arguments)}' (in {workingDirectory}) did not exit within {limit.TotalSeconds:0} s and was killed." +
                $"{Environment.NewLine}--- stdout:{Environment.NewLine}{Read(standardOutput)}--- stderr:{Environment.NewLine}{Read(standardError)}");
        }

        stopwatch.Stop();
        return new ChildResult(process.ExitCode, stopwatch.Elapsed, Read(standardOutput), Read(standardError));
    }

    /// <summary>Runs the program and throws, with everything it wrote, unless it exits with 0.</summary>
    public static async Task<ChildResult> RunSuccessfullyAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan limit)
    {
        var result = await RunAsync(program, arguments, workingDirectory, environment, limit);
        return result.ExitCode == 0
            ? result
            : throw new MeasurementException($"'{Describe(program, arguments)}' (in {workingDirectory}) failed: {result.Describe()}");
    }

    public static string Describe(string program, IEnumerable<string> arguments) => string.Join(' ', arguments.Prepend(program));

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
