using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitHub;

/// <summary>GitHub's <c>${{ }}</c> expressions and the short lists a workflow reads best inline.</summary>
internal static class GitHubExpressions
{
    public static string Of(string expression) => $"${{{{ {expression} }}}}";

    public static YamlSequenceNode Flow(IEnumerable<string> items) =>
        new(items.Select(i => (YamlNode)Scalar(i))) { Style = SequenceStyle.Flow };
}
