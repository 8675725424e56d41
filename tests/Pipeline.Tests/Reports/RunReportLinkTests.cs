using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;
using Pipeline.Output;
using Pipeline.Secrets;

namespace Pipeline.Tests.Reports;

/// <summary>The job summary's line pointing at the run report: the host's page of the job's artifacts, else the file's path.</summary>
public sealed class RunReportLinkTests
{
    [Fact]
    public void GitHub_Actions_links_the_run_page_s_artifacts()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/app", ["GITHUB_RUN_ID"] = "1234",
        });
        var host = new GitHubActions();

        Assert.Equal("https://github.com/acme/app/actions/runs/1234#artifacts", ReportLink.Of(host, host.ReadIdentity(environment), environment));
    }

    [Fact]
    public void GitLab_links_the_report_among_the_job_s_artifacts()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string> { ["CI_JOB_URL"] = "https://gitlab.example/acme/app/-/jobs/77" });
        var host = new GitLabCi();

        Assert.Equal("https://gitlab.example/acme/app/-/jobs/77/artifacts/file/artifacts/report.html", ReportLink.Of(host, host.ReadIdentity(environment), environment));
    }

    [Fact]
    public void Azure_Pipelines_links_the_run_s_artifacts_tab()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string>
        {
            ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/acme/", ["SYSTEM_TEAMPROJECT"] = "App", ["BUILD_BUILDID"] = "1234",
        });
        var host = new AzurePipelines();

        Assert.Equal(
            "https://dev.azure.com/acme/App/_build/results?buildId=1234&view=artifacts&type=publishedArtifacts",
            ReportLink.Of(host, host.ReadIdentity(environment), environment));
    }

    [Fact]
    public void A_host_without_a_page_of_artifacts_gets_the_file_s_path()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string> { ["JENKINS_URL"] = "https://jenkins.example/", ["BUILD_URL"] = "https://jenkins.example/job/app/42/" });
        var host = new Jenkins();

        Assert.Equal("artifacts/report.html", ReportLink.Of(host, host.ReadIdentity(environment), environment));
    }

    [Fact]
    public void The_summary_links_an_address_and_names_a_path_under_its_heading()
    {
        var run = new RunResult([], TimeSpan.FromSeconds(1), Cancelled: false);

        var linked = SummaryMarkdown.Render(run, [], new SecretMasker(), report: "https://github.com/acme/app/actions/runs/1234#artifacts");
        var named = SummaryMarkdown.Render(run, [], new SecretMasker(), report: "artifacts/report.html");

        Assert.StartsWith(
            "### Build succeeded in 1.0 s\n\nThe run report (timeline, failures, releases): [artifacts/report.html](https://github.com/acme/app/actions/runs/1234#artifacts)\n\n| Target |",
            linked,
            StringComparison.Ordinal);
        Assert.StartsWith("### Build succeeded in 1.0 s\n\nThe run report (timeline, failures, releases): `artifacts/report.html`\n\n| Target |", named, StringComparison.Ordinal);
    }
}
