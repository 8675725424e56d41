namespace Pipeline.Reports;

/// <summary>The plan page's fixed parts: its style, legend, and the little script that zooms (the page works without it).</summary>
internal static class PlanPageAssets
{
    public const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2937; }
        h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.1rem; margin-top: 1.5rem; }
        .summary { margin: 0 0 .8rem; color: #374151; }
        .legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; font-size: .85rem; margin-bottom: .6rem; }
        .legend span { display: inline-flex; align-items: center; gap: .35rem; }
        .canvas { overflow: auto; max-height: 80vh; border: 1px solid #e5e7eb; border-radius: 6px; background: #fafafa; }
        .zoom { font-size: .85rem; margin-bottom: .4rem; display: flex; gap: .3rem; align-items: center; }
        .zoom[hidden] { display: none; }
        .zoom .hint { color: #6b7280; }
        #graph { display: block; }
        .node rect { stroke-width: 1.5; }
        .node text { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; text-anchor: middle; dominant-baseline: central; }
        .node.runs rect { fill: #dbeafe; stroke: #1d4ed8; stroke-width: 2.5; }
        .node.runs text { font-weight: 600; fill: #1e3a8a; }
        .node.skipped rect { fill: #fef3c7; stroke: #b45309; stroke-dasharray: 6 3; }
        .node.skipped text { fill: #92400e; }
        .node.not-planned rect { fill: #ffffff; stroke: #9ca3af; }
        .node.not-planned text { fill: #6b7280; }
        .node.hidden-target { opacity: .6; }
        .node.hidden-target rect { stroke-dasharray: 2 3; }
        .node.hidden-target text { font-style: italic; }
        .edge { fill: none; stroke-width: 1.5; }
        .edge.depends-on { stroke: #334155; }
        .edge.order { stroke: #64748b; stroke-dasharray: 7 4; }
        .edge.triggers { stroke: #7c3aed; stroke-dasharray: 2 3; stroke-width: 2; }
        .edge.idle { opacity: .35; }
        .head.depends-on { fill: #334155; }
        .head.order { fill: #64748b; }
        .head.triggers { fill: #7c3aed; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
        td.name { font-family: ui-monospace, monospace; }
        tr.runs td.name { font-weight: 600; color: #1e3a8a; }
        tr.skipped td { color: #92400e; }
        tr.not-planned td { color: #6b7280; }
        .tag { font-size: .75rem; border: 1px solid #9ca3af; border-radius: 3px; padding: 0 .25rem; color: #6b7280; font-weight: normal; }
        """;

    public const string Legend = """
        <div class="legend" aria-label="Legend">
        <span><svg width="30" height="12" aria-hidden="true"><rect class="swatch" x="1" y="1" width="28" height="10" rx="3" fill="#dbeafe" stroke="#1d4ed8" stroke-width="2"/></svg>runs in this plan</span>
        <span><svg width="30" height="12" aria-hidden="true"><rect x="1" y="1" width="28" height="10" rx="3" fill="#fef3c7" stroke="#b45309" stroke-dasharray="4 2"/></svg>skipped (--skip)</span>
        <span><svg width="30" height="12" aria-hidden="true"><rect x="1" y="1" width="28" height="10" rx="3" fill="#fff" stroke="#9ca3af"/></svg>not in this plan</span>
        <span><svg width="30" height="12" aria-hidden="true"><rect x="1" y="1" width="28" height="10" rx="3" fill="#fff" stroke="#4b5563" stroke-dasharray="2 2" opacity=".7"/></svg><i>hidden target</i></span>
        <span><svg width="40" height="10" aria-hidden="true"><line x1="0" y1="5" x2="40" y2="5" stroke="#334155" stroke-width="1.5"/></svg>depends on</span>
        <span><svg width="40" height="10" aria-hidden="true"><line x1="0" y1="5" x2="40" y2="5" stroke="#64748b" stroke-width="1.5" stroke-dasharray="7 4"/></svg>ordering only (Before/After)</span>
        <span><svg width="40" height="10" aria-hidden="true"><line x1="0" y1="5" x2="40" y2="5" stroke="#7c3aed" stroke-width="2" stroke-dasharray="2 3"/></svg>triggers</span>
        <span>Arrows point from what goes first; faint edges touch a target that does not run. Hover a target for its description and notes.</span>
        </div>

        """;

    /// <summary>Zoom by buttons or Ctrl + wheel, by resizing the SVG (its viewBox keeps the drawing); plain scrolling is left alone.</summary>
    public const string Script = """
        (function () {
          var svg = document.getElementById('graph');
          var canvas = document.getElementById('canvas');
          var controls = document.querySelector('.zoom');
          if (!svg || !canvas || !controls) { return; }
          var width = parseFloat(svg.getAttribute('width'));
          var height = parseFloat(svg.getAttribute('height'));
          var scale = 1;
          function zoom(to) {
            scale = Math.min(4, Math.max(0.05, to));
            svg.setAttribute('width', String(width * scale));
            svg.setAttribute('height', String(height * scale));
            document.getElementById('zoom-level').textContent = Math.round(scale * 100) + '%';
          }
          controls.hidden = false;
          controls.addEventListener('click', function (event) {
            var button = event.target.closest('button');
            if (!button) { return; }
            var action = button.getAttribute('data-zoom');
            if (action === 'in') { zoom(scale * 1.25); }
            else if (action === 'out') { zoom(scale / 1.25); }
            else if (action === 'fit') { zoom(Math.min((canvas.clientWidth - 4) / width, 1)); }
            else { zoom(1); }
          });
          canvas.addEventListener('wheel', function (event) {
            if (!event.ctrlKey) { return; }
            event.preventDefault();
            zoom(scale * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
          }, { passive: false });
        })();
        """;
}
