namespace Pipeline.Reports;

/// <summary>The run report's style sheet: readable on screen and printed, outcome colours that also hold in the legend.</summary>
internal static class RunReportStyle
{
    public const string Css = """
        :root { --succeeded: #2e9e4f; --up-to-date: #7cc48f; --restored: #4aa3a0; --failed: #d1352b; --failed-allowed: #e59a2f;
          --skipped: #a9aeb4; --cancelled: #c9a227; --not-run: #d6d9dc; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 72rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .75rem; } h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; } h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
        .verdict { font-size: .9rem; padding: .15rem .6rem; border-radius: 1rem; color: #fff; vertical-align: middle; }
        .verdict.succeeded { background: var(--succeeded); } .verdict.failed { background: var(--failed); } .verdict.cancelled { background: var(--cancelled); }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
        dt { color: var(--muted); } dd { margin: 0; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
        pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; } .number { text-align: right; white-space: nowrap; }
        .outcome { white-space: nowrap; } .outcome::before { content: ""; display: inline-block; width: .7em; height: .7em; border-radius: 2px; margin-right: .4em; background: currentColor; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 .5rem; color: var(--muted); font-size: .85rem; }
        .swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .35em; vertical-align: -.1em; }
        .swatch.process { background: #1f2328; height: .35em; vertical-align: .15em; }
        .outcome-succeeded { color: var(--succeeded); fill: var(--succeeded); } .swatch.outcome-succeeded { background: var(--succeeded); }
        .outcome-up-to-date { color: var(--up-to-date); fill: var(--up-to-date); } .swatch.outcome-up-to-date { background: var(--up-to-date); }
        .outcome-restored { color: var(--restored); fill: var(--restored); } .swatch.outcome-restored { background: var(--restored); }
        .outcome-failed { color: var(--failed); fill: var(--failed); } .swatch.outcome-failed { background: var(--failed); }
        .outcome-failed-allowed { color: var(--failed-allowed); fill: var(--failed-allowed); } .swatch.outcome-failed-allowed { background: var(--failed-allowed); }
        .outcome-skipped { color: var(--skipped); fill: var(--skipped); } .swatch.outcome-skipped { background: var(--skipped); }
        .outcome-cancelled { color: var(--cancelled); fill: var(--cancelled); } .swatch.outcome-cancelled { background: var(--cancelled); }
        .outcome-not-run { color: var(--muted); fill: var(--not-run); } .swatch.outcome-not-run { background: var(--not-run); }
        svg.timeline { width: 100%; height: auto; display: block; font-size: 12px; }
        .lane-row { fill: #f6f8fa; stroke: #fff; stroke-width: 2; } .lane-label { fill: var(--muted); }
        svg.bar .target { fill: inherit; } svg.bar .bar-label { fill: #fff; font-weight: 600; pointer-events: none; }
        svg.bar:hover .target { stroke: var(--ink); stroke-width: 2; }
        svg.bar .process { fill: #1f2328; fill-opacity: .7; }
        .axis line { stroke: var(--muted); } .axis text { fill: var(--muted); text-anchor: middle; }
        .failure h3 { color: var(--failed); } .location { margin: .2rem 0; }
        .release { border: 1px solid var(--line); border-radius: 8px; padding: .25rem 1rem 1rem; margin-bottom: 1rem; }
        .release-refused, .release-would-be-refused, .release-unfinished { border-left: 4px solid var(--failed); }
        .release-done, .release-would-pass, .release-already-present { border-left: 4px solid var(--succeeded); }
        .rules { margin-top: .75rem; } .rules td:first-child { white-space: nowrap; }
        .verdict-passed { color: var(--succeeded); } .verdict-failed { color: var(--failed); font-weight: 600; } .verdict-overridden { color: var(--failed-allowed); font-weight: 600; }
        @media print { body { max-width: none; } }
        """;
}
