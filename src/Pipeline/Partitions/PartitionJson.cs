using System.Text.Json;
using Pipeline.Execution;
using Pipeline.Secrets;

namespace Pipeline.Partitions;

/// <summary>The partitions of a target in the JSON summary: the slice it ran, or the slices that settled it.</summary>
internal static class PartitionJson
{
    public static void Write(Utf8JsonWriter json, TargetResult result, SecretMasker secrets)
    {
        if (result.Slice is { } slice)
        {
            json.WriteStartObject("partition");
            json.WriteNumber("index", slice.Index);
            json.WriteNumber("count", slice.Count);
            json.WriteEndObject();
        }

        if (result.Partitions is { } partitions)
        {
            // Every slice the target declares, a missing one too: which one is missing is what a reader needs to know.
            var count = result.Target.PartitionCount;
            json.WriteStartArray("partitions");
            for (var index = 1; index <= count; index++)
            {
                json.WriteStartObject();
                json.WriteNumber("index", index);
                json.WriteNumber("count", count);
                if (partitions.FirstOrDefault(p => p.Index == index) is { } partition)
                {
                    json.WriteString("outcome", PartitionFiles.OutcomeName(partition.Outcome));
                    json.WriteNumber("durationSeconds", Math.Round(partition.Duration.TotalSeconds, 3));
                    json.WriteString("reason", partition.Reason is null ? null : secrets.Apply(partition.Reason));
                }
                else
                {
                    json.WriteString("outcome", "missing");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }
}
