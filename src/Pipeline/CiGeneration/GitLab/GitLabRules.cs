using System.Text;
using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.GitLab;

/// <summary>
/// The <c>rules:</c> of a GitLab pipeline: <c>workflow: rules</c> from the script's triggers (a pipeline starts
/// only for them, never twice for one push), and the job rules that keep merge-request pipelines out of QA and
/// release.
/// </summary>
internal static class GitLabRules
{
    public const string MergeRequestEvent = "$CI_PIPELINE_SOURCE == \"merge_request_event\"";

    /// <summary>One rule per trigger, each starting a pipeline; the first rule drops a branch pipeline a merge request pipeline already covers.</summary>
    public static YamlSequenceNode Workflow(IReadOnlyList<CiTrigger> triggers)
    {
        var rules = new List<YamlNode>();
        if (triggers.OfType<CiTrigger.PullRequests>().Any())
        {
            // GitLab would otherwise run a branch pipeline and a merge request pipeline for the same push.
            rules.Add(Map(
                ("if", Scalar("$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH && $CI_OPEN_MERGE_REQUESTS")),
                ("when", Scalar("never"))));
        }

        // Several schedules (their times are set in GitLab's settings, not here) share one rule.
        var conditions = triggers.SelectMany(Conditions).Distinct(StringComparer.Ordinal);
        return Seq([.. rules, .. conditions.Select(c => Map(("if", Scalar(c))))]);
    }

    /// <summary>
    /// The job's rules, or null when it runs in every pipeline the workflow starts. Jobs that deploy (or follow one
    /// that does) never run for a merge request; a production job waiting for a person starts by hand and blocks
    /// what follows it until it has run.
    /// </summary>
    public static YamlSequenceNode? Job(CiJob job)
    {
        var manual = job.Deployment is { IsProduction: true, RequiresApproval: true };
        if (job.RunsOnPullRequests && !manual)
        {
            return null;
        }

        var rules = new List<YamlNode>();
        if (!job.RunsOnPullRequests)
        {
            rules.Add(Map(("if", Scalar(MergeRequestEvent)), ("when", Scalar("never"))));
        }

        rules.Add(manual
            ? Map(("when", Scalar("manual")), ("allow_failure", Bool(false)))
            : Map(("when", Scalar("on_success"))));
        return Seq(rules);
    }

    /// <summary>A glob (<c>v*</c>, <c>release/*</c>) as the anchored RE2 literal GitLab's <c>=~</c> takes (<c>/^v.*$/</c>).</summary>
    public static string GlobRegex(string glob)
    {
        var regex = new StringBuilder("/^");
        foreach (var c in glob)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                '/' => "\\/",
                _ when "\\.+()[]{}^$|".Contains(c, StringComparison.Ordinal) => $"\\{c}",
                _ => c.ToString(),
            });
        }

        return regex.Append("$/").ToString();
    }

    private static IEnumerable<string> Conditions(CiTrigger trigger) => trigger switch
    {
        CiTrigger.Push { Branches.Count: 0 } => ["$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"],
        CiTrigger.Push push => push.Branches.Select(b => $"$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH =~ {GlobRegex(b)}"),
        CiTrigger.PullRequests => [$"{MergeRequestEvent} && $CI_MERGE_REQUEST_TARGET_BRANCH_NAME == $CI_DEFAULT_BRANCH"],
        CiTrigger.Tags tags => [$"$CI_COMMIT_TAG =~ {GlobRegex(tags.Pattern)}"],
        CiTrigger.Manual => ["$CI_PIPELINE_SOURCE == \"web\""],
        CiTrigger.Schedule => ["$CI_PIPELINE_SOURCE == \"schedule\""],
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "No GitLab rule for this trigger."),
    };
}
