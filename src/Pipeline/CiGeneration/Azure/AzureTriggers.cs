using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.Azure;

/// <summary>
/// <c>trigger</c>, <c>pr</c> and <c>schedules</c> from the script's triggers. Azure runs a pipeline on every branch
/// and every pull request unless told otherwise, so both are always written: <c>none</c> where the script asks for
/// no such runs. A manual run needs nothing: every pipeline can be run by hand.
/// </summary>
internal static class AzureTriggers
{
    public static IEnumerable<(string Key, YamlNode? Value)> Entries(CiPipeline pipeline)
    {
        var branches = pipeline.Triggers.OfType<CiTrigger.Push>()
            .SelectMany(p => p.Branches.Count == 0 ? [pipeline.DefaultBranch] : p.Branches)
            .Distinct(StringComparer.Ordinal).ToList();
        var tags = TagPatterns(pipeline);
        YamlNode trigger = branches.Count == 0 && tags.Count == 0
            ? Scalar("none")
            : Map(("branches", branches.Count == 0 ? null : Include(branches)), ("tags", tags.Count == 0 ? null : Include(tags)));
        yield return ("trigger", trigger);

        yield return ("pr", pipeline.Triggers.OfType<CiTrigger.PullRequests>().Any()
            ? Map(("branches", Include([pipeline.DefaultBranch])))
            : Scalar("none"));

        var schedules = pipeline.Triggers.OfType<CiTrigger.Schedule>().ToList();
        yield return ("schedules", schedules.Count == 0 ? null : Seq(schedules.Select(s => (YamlNode)Map(
            ("cron", Quoted(s.Cron)),
            ("displayName", Scalar($"Scheduled ({s.Cron}, UTC)")),
            ("branches", Include([pipeline.DefaultBranch])),

            // Only when something changed since the last scheduled run: an unchanged commit was already built.
            ("always", Bool(false))))));
    }

    /// <summary>The version tag globs the pipeline runs on.</summary>
    public static IReadOnlyList<string> TagPatterns(CiPipeline pipeline) =>
        [.. pipeline.Triggers.OfType<CiTrigger.Tags>().Select(t => t.Pattern).Distinct(StringComparer.Ordinal)];

    private static YamlMappingNode Include(IReadOnlyList<string> patterns) => Map(("include", Seq(patterns.ToArray())));
}
