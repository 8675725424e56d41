using System.Text;
using Pipeline.Execution;

namespace Pipeline.Reports;

/// <summary><c>artifacts/report.html</c>: the run at a glance (being built by issue 14, part A: this first version lists the targets).</summary>
internal static class RunReport
{
    public static string Render(RunContext run, RunResult result)
    {
        var body = new StringBuilder("<h1>Run report</h1>\n<ul>\n");
        foreach (var target in result.Targets)
        {
            body.Append("<li>").Append(Html.Escape(target.Target.Name)).Append(": ").Append(Html.Escape(target.Outcome.ToString())).Append("</li>\n");
        }

        return Html.Page($"{run.Build.Root.Name}: run report", "body { font-family: sans-serif; }", body.Append("</ul>").ToString());
    }
}
