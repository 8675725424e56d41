using System.Text;
using System.Text.Json;
using Pipeline.Execution;
using Pipeline.Planning;
using Pipeline.Secrets;

namespace Pipeline.Output;

/// <summary>The plan and the run's summary as JSON, for machines.</summary>
internal static class JsonReports
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static string Plan(ExecutionPlan plan, IReadOnlyDictionary<Target, string>? incremental = null) => Write(json =>
    {
        json.WriteStartObject();
        WriteNames(json, "requested", plan.Requested);
        json.WriteStartArray("order");
        foreach (var planned in plan.Order)
        {
            var target = planned.Target;
            json.WriteStartObject();
            json.WriteString("name", target.Name);
            json.WriteString("description", target.DescriptionText);
            WriteNames(json, "dependsOn", planned.RequiredPredecessors.Select(p => plan.Order[p].Target));
            WriteNames(json, "waitsFor", planned.Predecessors.Select(p => plan.Order[p].Target));
            json.WriteBoolean("skipped", planned.SkippedByRequest);
            json.WriteBoolean("alwaysRuns", target.RunsAlways);
            json.WriteBoolean("failureAllowed", target.FailureAllowed);
            json.WriteString("incremental", incremental?.GetValueOrDefault(target));
            json.WriteStartArray("conditions");
            target.Conditions.ToList().ForEach(c => json.WriteStringValue(c.Reason));
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string Summary(RunResult run, IReadOnlyList<string> closingLines, SecretMasker secrets) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("exitCode", run.ExitCode);
        json.WriteBoolean("cancelled", run.Cancelled);
        json.WriteNumber("wallTimeSeconds", Math.Round(run.WallTime.TotalSeconds, 3));
        json.WriteString("startedAt", run.StartedAt);
        json.WriteStartArray("targets");
        foreach (var result in run.Targets)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Target.Name);
            json.WriteString("outcome", JsonNamingPolicy.KebabCaseLower.ConvertName(result.Outcome.ToString()));
            WriteSecondsOrNull(json, "startSeconds", result.Started);
            json.WriteNumber("durationSeconds", Math.Round(result.Duration.TotalSeconds, 3));
            if (result.Lane is { } lane)
            {
                json.WriteNumber("lane", lane);
            }
            else
            {
                json.WriteNull("lane");
            }

            json.WriteString("reason", result.Reason is null ? null : secrets.Apply(result.Reason));
            json.WriteBoolean("failureAllowed", result.FailureAllowed);
            json.WriteString("reused", result.Reuse is { } reuse ? JsonNamingPolicy.KebabCaseLower.ConvertName(reuse.Kind.ToString()) : null);
            PartitionJson.Write(json, result, secrets);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("closingLines");
        closingLines.ToList().ForEach(line => json.WriteStringValue(secrets.Apply(line)));
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteSecondsOrNull(Utf8JsonWriter json, string property, TimeSpan? value)
    {
        if (value is { } seconds)
        {
            json.WriteNumber(property, Math.Round(seconds.TotalSeconds, 3));
        }
        else
        {
            json.WriteNull(property);
        }
    }

    private static void WriteNames(Utf8JsonWriter json, string property, IEnumerable<Target> targets)
    {
        json.WriteStartArray(property);
        foreach (var target in targets)
        {
            json.WriteStringValue(target.Name);
        }

        json.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
