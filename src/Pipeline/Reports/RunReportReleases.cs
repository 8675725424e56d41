using System.Text;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;

namespace Pipeline.Reports;

/// <summary>
/// Each release decision of the run: the environment, kind, version, digest and mode, every rule's verdict with what it
/// found, who approved, how it ended, and a link to the environment's history page (written next to this report).
/// </summary>
internal static class RunReportReleases
{
    public static void Append(StringBuilder page, ReportText text, IReadOnlyList<ReleaseDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            return;
        }

        page.Append("<section id=\"releases\">\n<h2>Releases</h2>\n");
        foreach (var decision in decisions)
        {
            var (outcomeClass, outcome) = Outcome(decision);
            page.Append("<article class=\"release release-").Append(outcomeClass).Append("\" data-environment=\"").Append(text.Of(decision.Environment))
                .Append("\" data-outcome=\"").Append(outcomeClass).Append("\">\n<h3>").Append(text.Of(decision.Environment)).Append(' ')
                .Append(text.Of(decision.Version)).Append(": ").Append(text.Of(outcome)).Append("</h3>\n<dl class=\"decision\">\n");
            ReportText.Field(page, "environment", "Environment", text.Of(decision.Environment));
            ReportText.Field(page, "kind", "Kind", text.Of(LedgerNames.Of(decision.Kind)));
            ReportText.Field(page, "version", "Version", text.Of(decision.Version));
            ReportText.Field(page, "digest", "Digest", $"<code>{text.Of(decision.Digest)}</code>");
            ReportText.Field(page, "mode", "Mode", decision.Mode == ReleaseMode.Delivery ? "continuous delivery" : "continuous deployment");
            ReportText.Field(page, "approvers", "Approved by", decision.Approvers.Count > 0 ? text.Of(string.Join(", ", decision.Approvers))
                : decision.Mode == ReleaseMode.Deployment ? "no approval needed" : "no approval");
            ReportText.Field(page, "outcome", "Outcome", text.Of(outcome));
            page.Append("</dl>\n<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Verdict</th><th>Detail</th></tr></thead>\n<tbody>\n");
            foreach (var verdict in decision.Verdicts)
            {
                var word = verdict.Overridden ? "overridden" : verdict.Passed ? "passed" : "failed";
                page.Append("<tr data-rule=\"").Append(text.Of(verdict.Name)).Append("\" data-verdict=\"").Append(word).Append("\"><td>")
                    .Append(text.Of(verdict.Name)).Append("</td><td><span class=\"verdict-").Append(word).Append("\">").Append(word).Append("</span></td><td>")
                    .Append(text.Of(verdict.Detail)).Append("</td></tr>\n");
            }

            page.Append("</tbody>\n</table>\n<p><a class=\"history\" href=\"").Append(text.Of(ReportFiles.HistoryOf(decision.Environment))).Append("\">")
                .Append(text.Of(decision.Environment)).Append("'s history</a></p>\n</article>\n");
        }

        page.Append("</section>\n");
    }

    private static (string Class, string Words) Outcome(ReleaseDecision decision) => decision.Outcome switch
    {
        ReleaseDecisionOutcome.Refused => ("refused", $"refused by {FailedRules(decision)}"),
        ReleaseDecisionOutcome.WouldBeRefused => ("would-be-refused", $"dry run, would be refused by {FailedRules(decision)}"),
        ReleaseDecisionOutcome.WouldPass => ("would-pass", "dry run, would be allowed (nothing was changed)"),
        _ => decision.Delivered switch
        {
            LedgerOutcome.Published => ("done", decision.Kind switch
            {
                LedgerRecordKind.Release => "released",
                LedgerRecordKind.Rollback => "rolled back",
                _ => "deployed",
            }),
            LedgerOutcome.AlreadyPresent => ("already-present", "allowed, already there (nothing published again)"),
            _ => ("unfinished", "allowed, but the deployment did not finish"),
        },
    };

    private static string FailedRules(ReleaseDecision decision) => string.Join(", ", decision.Verdicts.Where(v => !v.Passed).Select(v => v.Name));
}
