using System.Text;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Delivery;
using Pipeline.EndToEnd.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Pipeline.EndToEnd.Tests.CiGeneration.Azure;

/// <summary>
/// Runs the stages of a generated <c>azure-pipelines.yml</c> the way an Azure agent does, for exactly the
/// constructs the generator writes (there is no local Azure Pipelines runner): each stage's job on a fresh clone of
/// <c>origin</c>; <c>$(…)</c> macros and <c>$[ stageDependencies… ]</c> runtime expressions resolved from the
/// variables and the output variables that earlier jobs set with <c>##vso[task.setvariable …;isoutput=true]</c>;
/// pipeline artifacts kept by name between jobs; job variables and each step's <c>env:</c> given to the runner
/// as environment variables. A step it does not know fails the test, so nothing is silently skipped.
/// </summary>
internal sealed partial class AzureAgent(SharedOrigin origin)
{
    private readonly Dictionary<string, string> _outputs = [];

    /// <summary>The published pipeline artifacts by name: folders a test may change between stages.</summary>
    public Dictionary<string, string> Artifacts { get; } = [];

    /// <summary>Every <c>./build.sh</c> step run, with its result, in order.</summary>
    public List<(string Stage, string Command, RunnerResult Result)> Steps { get; } = [];

    /// <summary>
    /// Runs <paramref name="stage"/>'s job to its end or its first failing step, as the agent would. Returns whether
    /// every step succeeded.
    /// </summary>
    public async Task<bool> RunStageAsync(YamlMappingNode stage)
    {
        var stageName = Text(stage, "stage");
        var job = (YamlMappingNode)((YamlSequenceNode)stage["jobs"]).Single();
        Assert.False(job.Children.ContainsKey("strategy") && !job.Children.ContainsKey("deployment"), "Parallel jobs are not run by this agent.");
        var jobName = Text(job, "job", "deployment");
        var clone = await origin.CloneAsync();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["Build.SourcesDirectory"] = clone.Root };
        if (job.Children.TryGetValue("variables", out var declared))
        {
            foreach (var (key, value) in (YamlMappingNode)declared)
            {
                variables[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value!);
            }
        }

        var steps = job.Children.ContainsKey("deployment")
            ? ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["runOnce"])["deploy"])["steps"]
            : job["steps"];
        foreach (var step in ((YamlSequenceNode)steps).Cast<YamlMappingNode>())
        {
            if (!await RunStepAsync(stageName, jobName, step, variables, clone))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> RunStepAsync(string stage, string job, YamlMappingNode step, Dictionary<string, string> variables, DeliveryRepo clone)
    {
        if (step.Children.ContainsKey("checkout"))
        {
            // The clone is the checkout: full history, as fetchDepth 0 asks.
            Assert.Equal("0", Text(step, "fetchDepth"));
            return true;
        }

        if (step.Children.ContainsKey("download"))
        {
            Assert.Equal("none", Text(step, "download"));
            return true;
        }

        if (step.Children.ContainsKey("task"))
        {
            var inputs = (YamlMappingNode)step["inputs"];
            switch (Text(step, "task"))
            {
                case "UseDotNet@2" or "Cache@2":
                    return true; // This machine has the SDK and its own NuGet cache.
                case "PublishPipelineArtifact@1":
                    var name = Macros(Text(inputs, "artifact"), variables);
                    Assert.False(Artifacts.ContainsKey(name), $"Artifact {name} is published twice: Azure refuses the second.");
                    Artifacts[name] = Copy(Macros(Text(inputs, "targetPath"), variables), Path.Combine(origin.Path + ".artifacts", name));
                    return true;
                case "DownloadPipelineArtifact@2":
                    var wanted = Macros(Text(inputs, "artifactName"), variables);
                    Assert.True(Artifacts.TryGetValue(wanted, out var stored), $"Stage {stage} downloads {wanted}, which no earlier job published.");
                    Copy(stored!, Macros(Text(inputs, "targetPath"), variables));
                    return true;
                default:
                    Assert.Fail($"This agent does not run the task {Text(step, "task")}.");
                    return false;
            }
        }

        var script = Macros(Text(step, "script"), variables);
        var environment = new Dictionary<string, string?>
        {
            ["TF_BUILD"] = "True",
            ["BUILD_REASON"] = "IndividualCI",
            ["BUILD_SOURCEBRANCH"] = "refs/heads/main",
            ["BUILD_SOURCEVERSION"] = (await clone.GitAsync("rev-parse", "HEAD")).Trim(),
            ["BUILD_BUILDID"] = "1",
        };

        // Azure gives a job's variables to scripts as environment variables (upper case, dots as underscores).
        foreach (var (name, value) in variables.Where(v => !v.Key.Contains('.', StringComparison.Ordinal)))
        {
            environment[name.ToUpperInvariant()] = value;
        }

        if (step.Children.TryGetValue("env", out var env))
        {
            foreach (var (key, value) in (YamlMappingNode)env)
            {
                environment[((YamlScalarNode)key).Value!] = Macros(((YamlScalarNode)value).Value!, variables);
            }
        }

        Assert.StartsWith("./build.sh ", script, StringComparison.Ordinal);
        var result = await clone.RunAsync(environment, [.. Words(script["./build.sh ".Length..], environment)]);
        Steps.Add((stage, script, result));
        if (step.Children.ContainsKey("name"))
        {
            foreach (Match output in OutputVariable().Matches(result.StandardOutput))
            {
                _outputs[$"{stage}.{job}.{Text(step, "name")}.{output.Groups[1].Value}"] = output.Groups[2].Value.TrimEnd('\r');
            }
        }

        return result.ExitCode == 0;
    }

    /// <summary>A runtime expression the generator writes; an output no job set is empty, as on Azure.</summary>
    private string Evaluate(string value)
    {
        if (!value.StartsWith("$[", StringComparison.Ordinal))
        {
            return value;
        }

        var match = StageDependency().Match(value);
        Assert.True(match.Success, $"This agent does not evaluate {value}.");
        return _outputs.GetValueOrDefault($"{match.Groups[1].Value}.{match.Groups[2].Value}.{match.Groups[3].Value}", string.Empty);
    }

    /// <summary><c>$(name)</c> of a known variable replaced by its value; an unknown one stays as written, as on Azure.</summary>
    private static string Macros(string text, Dictionary<string, string> variables) =>
        Macro().Replace(text, m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>The words of the command line as a POSIX shell splits them, for the quoting the generator writes.</summary>
    private static IEnumerable<string> Words(string line, Dictionary<string, string?> environment)
    {
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ' ')
            {
                if (inWord)
                {
                    yield return word.ToString();
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                var quoted = line[(i + 1)..end];
                word.Append(quoted.StartsWith('$') ? environment.GetValueOrDefault(quoted[1..]) ?? string.Empty : quoted);
                i = end;
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            yield return word.ToString();
        }
    }

    private static string Copy(string from, string to)
    {
        // A single file (the run report) is published into a folder of its own name, as Azure keeps it.
        if (File.Exists(from))
        {
            Directory.CreateDirectory(to);
            File.Copy(from, Path.Combine(to, Path.GetFileName(from)), overwrite: true);
            return to;
        }

        Assert.True(Directory.Exists(from), $"{from} does not exist.");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return to;
    }

    private static string Text(YamlMappingNode map, params string[] keys) =>
        keys.Select(k => map.Children.TryGetValue(k, out var value) ? ((YamlScalarNode)value).Value : null).FirstOrDefault(v => v is not null)
        ?? throw new InvalidOperationException($"None of {string.Join(", ", keys)} in {map}.");

    [GeneratedRegex(@"^##vso\[task\.setvariable variable=([^;\]]+);isoutput=true\](.*)$", RegexOptions.Multiline)]
    private static partial Regex OutputVariable();

    [GeneratedRegex(@"^\$\[ stageDependencies\.(\w+)\.(\w+)\.outputs\['([\w.]+)'\] \]$")]
    private static partial Regex StageDependency();

    [GeneratedRegex(@"\$\(([\w.]+)\)")]
    private static partial Regex Macro();
}
