using System.Runtime.CompilerServices;
using System.Text.Json;
using Json.Schema;
using Pipeline.CiGeneration.Azure;

namespace Pipeline.Tests.CiGeneration.Azure;

/// <summary>The generated file against Microsoft's own schema for Azure Pipelines YAML (see Schema/README.md).</summary>
public sealed class AzurePipelinesSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    [Fact]
    public void A_delivery_with_a_partitioned_test_target_is_valid_Azure_Pipelines_YAML() =>
        AssertValid(new AzurePipelinesWriter().Write(AzureSamples.PartitionedDelivery()));

    [Fact]
    public void A_pipeline_planned_from_a_script_is_valid_Azure_Pipelines_YAML()
    {
        AssertValid(new AzurePipelinesWriter().Write(AzureSamples.PlannedFromScript()));
    }

    [Theory]
    [InlineData("    dependsOn:", "    dependsOnn:")]
    [InlineData("      fetchDepth: 0", "      fetchDept: 0")]
    [InlineData("    lockBehavior: sequential", "    lockBehavior: whenever")]
    public void The_schema_rejects_a_generated_file_broken_by_hand(string line, string broken)
    {
        var text = new AzurePipelinesWriter().Write(AzureSamples.PartitionedDelivery());
        Assert.Contains(line + "\n", text, StringComparison.Ordinal);

        var result = Evaluate(text.Replace(line + "\n", broken + "\n", StringComparison.Ordinal));

        Assert.False(result.IsValid, $"The schema accepted a file with '{broken.Trim()}'.");
    }

    private static void AssertValid(string text)
    {
        var result = Evaluate(text);
        Assert.True(result.IsValid, "Not valid against the Azure Pipelines schema:\n" + string.Join('\n', Errors(result).Take(20)));
    }

    private static EvaluationResults Evaluate(string text)
    {
        var json = JsonSerializer.SerializeToElement(AzureFile.ToJson(AzureFile.Parse(text).Root));
        return Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));

    private static JsonSchema Load() =>
        JsonSchema.FromFile(Path.Combine(SourceFolder(), "Schema", "service-schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string SourceFolder([CallerFilePath] string sourceFile = "") =>
        Path.GetDirectoryName(sourceFile) is { } folder && Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException($"The test's source folder is not on this machine ([CallerFilePath] gave '{sourceFile}'); the schema is kept there.");
}
