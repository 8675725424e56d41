using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitHub;

/// <summary>The workflow's <c>on:</c>: the script's triggers in a fixed order, whatever order they were declared in.</summary>
internal static class GitHubTriggers
{
    public static YamlMappingNode Of(CiPipeline pipeline)
    {
        var triggers = pipeline.Triggers;
        if (triggers.Count == 0)
        {
            throw new BuildDefinitionException("The CI configuration has no trigger: declare one, e.g. Ci.OnPush().");
        }

        var push = triggers.OfType<CiTrigger.Push>().FirstOrDefault();
        var tags = triggers.OfType<CiTrigger.Tags>().FirstOrDefault();

        // One push event serves both: GitHub runs it for a pushed branch matching branches or a tag matching tags.
        var onPush = push is null && tags is null
            ? null
            : Map(
                ("branches", push is null ? null : GitHubExpressions.Flow(push.Branches.Count > 0 ? push.Branches : [pipeline.DefaultBranch])),
                ("tags", tags is null ? null : GitHubExpressions.Flow([tags.Pattern])));
        var schedules = triggers.OfType<CiTrigger.Schedule>().ToList();
        return Map(
            ("push", onPush),
            ("pull_request", triggers.OfType<CiTrigger.PullRequests>().Any() ? Map(("branches", GitHubExpressions.Flow([pipeline.DefaultBranch]))) : null),
            ("workflow_dispatch", triggers.OfType<CiTrigger.Manual>().Any() ? new YamlMappingNode() : null),
            ("schedule", schedules.Count > 0 ? Seq(schedules.Select(s => (YamlNode)Map(("cron", Quoted(s.Cron))))) : null));
    }
}
