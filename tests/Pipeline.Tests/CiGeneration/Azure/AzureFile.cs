using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.CiGeneration.Azure;

/// <summary>A generated <c>azure-pipelines.yml</c> read back with YamlDotNet, as Azure reads it: every scalar a string.</summary>
internal sealed class AzureFile
{
    private AzureFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static AzureFile Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new AzureFile(Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode));
    }

    public IReadOnlyList<YamlMappingNode> Stages => [.. ((YamlSequenceNode)Root["stages"]).Cast<YamlMappingNode>()];

    public YamlMappingNode Stage(string name) => Stages.Single(s => s.Text("stage") == name);

    /// <summary>Every stage holds exactly one job (ordinary or deployment).</summary>
    public static YamlMappingNode JobOf(YamlMappingNode stage) => (YamlMappingNode)Assert.Single((YamlSequenceNode)stage["jobs"]);

    /// <summary>A job's steps: directly, or in a deployment job's runOnce deploy hook.</summary>
    public static IReadOnlyList<YamlMappingNode> StepsOf(YamlMappingNode stage)
    {
        var job = JobOf(stage);
        var steps = job.Children.ContainsKey("deployment") ? job.Map("strategy").Map("runOnce").Map("deploy")["steps"] : job["steps"];
        return [.. ((YamlSequenceNode)steps).Cast<YamlMappingNode>()];
    }

    /// <summary>
    /// The YAML as JSON in the shape the Azure Pipelines schema describes: the pipeline's own keywords are strings
    /// (<c>fetchDepth: 0</c> is <c>"0"</c>), while a task's <c>inputs</c> are typed by the task's definition, so a
    /// plain <c>true</c> or <c>false</c> there is a boolean.
    /// </summary>
    public static JsonNode ToJson(YamlNode node, bool taskInputs = false) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, (JsonNode?)ToJson(c.Value, taskInputs || ((YamlScalarNode)c.Key).Value == "inputs")))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(c => (JsonNode?)ToJson(c))]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar when taskInputs => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => throw new ArgumentException($"Unexpected YAML node {node.NodeType}.", nameof(node)),
    };
}

/// <summary>Reading YAML mappings in tests.</summary>
internal static class YamlMappingReading
{
    public static string? Text(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    public static YamlMappingNode Map(this YamlMappingNode map, string key) => (YamlMappingNode)map[key];

    public static IReadOnlyList<string> Texts(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var value) ? [.. ((YamlSequenceNode)value).Select(v => ((YamlScalarNode)v).Value!)] : [];

    public static bool Has(this YamlMappingNode map, string key) => map.Children.ContainsKey(key);
}
