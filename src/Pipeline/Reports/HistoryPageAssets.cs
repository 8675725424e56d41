namespace Pipeline.Reports;

/// <summary>The history page's fixed parts: its style and the strip's legend.</summary>
internal static class HistoryPageAssets
{
    public const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2937; }
        h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
        .meta { margin: 0; color: #4b5563; }
        .banner { margin: 1rem 0; padding: .7rem 1rem; border: 2px solid #b91c1c; background: #fef2f2; color: #7f1d1d; border-radius: 6px; }
        #strip { width: 100%; max-width: 1100px; display: block; }
        .segment rect { stroke: #fff; stroke-width: 1; }
        .segment.even rect { fill: #93c5fd; }
        .segment.odd rect { fill: #bfdbfe; }
        .segment.rollback rect { fill: #fdba74; }
        .segment.current rect { fill: #22c55e; }
        .segment text { font-size: 12px; dominant-baseline: central; fill: #0f172a; }
        .mark line { stroke: #9ca3af; stroke-dasharray: 2 2; }
        .mark.approval circle { fill: #16a34a; }
        .mark.refusal path, .mark.failure path { stroke: #dc2626; stroke-width: 2.5; fill: none; }
        .mark.rollback path { fill: #ea580c; }
        .axis line { stroke: #6b7280; }
        .axis text { font-size: 11px; text-anchor: middle; fill: #4b5563; }
        .legend { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; font-size: .85rem; margin-bottom: .3rem; }
        .legend span { display: inline-flex; align-items: center; gap: .3rem; }
        table { border-collapse: collapse; font-size: .85rem; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
        th { background: #f3f4f6; }
        tr.kind-release td.kind, tr.kind-rollback td.kind { font-weight: 600; }
        tr.outcome-published, tr.outcome-already-present { background: #f0fdf4; }
        tr.kind-refusal, tr.outcome-refused, tr.outcome-failed, tr.outcome-interrupted { background: #fef2f2; }
        tr.kind-rollback.outcome-published { background: #fff7ed; }
        tr.kind-approval { background: #f0f9ff; }
        tr.outcome-started td { color: #6b7280; }
        td.outcome { font-weight: 600; }
        tr.outcome-refused td.outcome, tr.outcome-failed td.outcome, tr.outcome-interrupted td.outcome { color: #b91c1c; }
        ul.verdicts { margin: 0; padding: 0; list-style: none; }
        li.pass { color: #166534; display: inline-block; margin-right: .5rem; }
        li.fail { color: #b91c1c; font-weight: 600; }
        td.when, td.digest, td.commit { white-space: nowrap; }
        code { font-size: .8rem; }
        """;

    public const string Legend = """
        <div class="legend" aria-label="Legend">
        <span><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill="#93c5fd"/></svg>a version, from its release to the next</span>
        <span><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill="#22c55e"/></svg>in use now</span>
        <span><svg width="22" height="12" aria-hidden="true"><rect width="22" height="12" fill="#fdba74"/></svg>rolled back to</span>
        <span><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4.5" fill="#16a34a"/></svg>approval</span>
        <span><svg width="12" height="12" aria-hidden="true"><path d="M1,1 L11,11 M1,11 L11,1" stroke="#dc2626" stroke-width="2.5"/></svg>refusal or failure</span>
        <span><svg width="12" height="12" aria-hidden="true"><path d="M12,0 L0,6 L12,12 z" fill="#ea580c"/></svg>rollback</span>
        </div>

        """;
}
