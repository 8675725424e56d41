using System.Globalization;
using System.Text;
using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Output;

namespace Pipeline.Reports;

/// <summary>The report's head: the build, how it ended, and what was built where (the host's identity of the run).</summary>
internal static class RunReportHeader
{
    public static void Append(StringBuilder page, ReportText text, string build, BuildIdentity identity, RunResult result)
    {
        var (verdictClass, verdict) = Verdict(result.ExitCode);
        page.Append("<header>\n<h1><span class=\"build\">").Append(text.Of(build)).Append("</span> <span class=\"verdict ")
            .Append(verdictClass).Append("\">").Append(verdict).Append("</span></h1>\n<dl class=\"identity\">\n");
        ReportText.Field(page, "host", "Host", text.Of(identity.Host));
        if (identity.Tag is { } tag)
        {
            ReportText.Field(page, "tag", "Tag", text.Of(tag));
        }
        else if (identity.Branch is { } branch)
        {
            ReportText.Field(page, "branch", "Branch", text.Of(branch));
        }

        if (identity.Commit is { } commit)
        {
            ReportText.Field(page, "commit", "Commit", $"<code title=\"{text.Of(commit)}\">{text.Of(commit[..Math.Min(12, commit.Length)])}</code>");
        }

        if (identity.PullRequest is { } pull)
        {
            var branches = pull.SourceBranch is null ? string.Empty : $": {pull.SourceBranch} → {pull.TargetBranch ?? "?"}";
            ReportText.Field(page, "pull-request", "Pull request", text.Of($"#{pull.Number}{branches}"));
        }

        if (identity.BuildNumber is { } number)
        {
            ReportText.Field(page, "build-number", "Build number", text.Of(number));
        }

        if (identity.BuildUrl is { } url)
        {
            ReportText.Field(page, "run", "Run", IsWebAddress(url) ? $"<a href=\"{text.Of(url)}\">{text.Of(url)}</a>" : text.Of(url));
        }

        var started = result.StartedAt.UtcDateTime;
        ReportText.Field(page, "started", "Started", $"<time class=\"time\" datetime=\"{started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{started.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</time>");
        ReportText.Field(page, "wall-time", "Wall time", $"<span class=\"time\" data-wall-ms=\"{ReportText.Milliseconds(result.WallTime)}\">{Durations.Format(result.WallTime)}</span>");
        ReportText.Field(page, "exit-code", "Exit code", result.ExitCode.ToString(CultureInfo.InvariantCulture));
        page.Append("</dl>\n</header>\n");
    }

    private static (string Class, string Words) Verdict(int exitCode) => exitCode switch
    {
        ExitCodes.Success => ("succeeded", "Build succeeded"),
        ExitCodes.Cancelled => ("cancelled", "Build cancelled"),
        ExitCodes.Refused => ("failed", "Release refused"),
        _ => ("failed", "Build failed"),
    };

    /// <summary>Only a web address becomes a link: a host variable saying <c>javascript:…</c> stays text.</summary>
    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
