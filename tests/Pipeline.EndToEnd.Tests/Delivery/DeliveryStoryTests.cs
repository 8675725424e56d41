using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;

using static Pipeline.EndToEnd.Tests.Delivery.ReleaseTestKit;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// The delivery story as a user lives it: PublishQa, a refused Release, a dry run, an approved Release of the
/// very bytes QA checked, the audit trail; continuous deployment; and the usage errors around them.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class DeliveryStoryTests
{
    [Fact]
    public async Task Candidate_reaches_production_only_with_an_approval_as_the_same_bytes_qa_checked_and_the_ledger_says_who_and_why()
    {
        using var repo = await DeliveryRepo.CreateAsync();

        // 1. The default target builds the candidate, deploys it to QA and checks it there.
        var publish = await repo.RunAsync();
        publish.ShouldExitWith(0);
        var qa = Records(repo, "qa");
        Assert.Equal(["deployment", "deployment", "qa"], qa.Select(r => Text(r, "kind")));
        Assert.Equal(["started", "published", "passed"], qa.Select(r => Text(r, "outcome")));
        var version = Text(qa[2], "version");
        var digest = Text(qa[2], "digest");
        Assert.All(qa, r => Assert.Equal(digest, Text(r, "digest")));
        var qaPackage = $"artifacts/environments/qa/{version}/App.{version}.nupkg";
        Assert.True(repo.Repository.Exists(qaPackage), $"QA holds no {qaPackage}.{Environment.NewLine}{publish}");

        // 2. Continuous delivery (the default): no release without a person's approval.
        var refused = await repo.RunAsync("Release");
        refused.ShouldExitWith(3);
        refused.ShouldShowNoStackTrace();
        var approval = Rule(refused, "approval");
        Assert.False(approval.Passed, $"approval passed without --approve.{Environment.NewLine}{refused}");
        Assert.Contains($"no approval for {version} {digest}", approval.Detail, StringComparison.Ordinal);
        refused.OutputShouldContain("Refused: approval (rule of production;");
        refused.OutputShouldContain("To approve: ./build.sh Release --approve --comment \"why\"");
        Assert.False(repo.Repository.Exists($"artifacts/environments/production/{version}"), $"A refused release deployed.{Environment.NewLine}{refused}");

        // 3. A dry run judges and prints every rule, and changes nothing (the refusal above is the last record).
        var ledgerBefore = repo.LedgerLines("production");
        var artifactsBefore = Snapshot(repo);
        var dryRun = await repo.RunAsync("Release", "--dry-run");
        dryRun.ShouldExitWith(3);
        var verdicts = Rules(dryRun);
        Assert.Equal(["intact", "approval", "allowed-ref", "passed-qa", "qa-unchanged", "no-downgrade", "one-at-a-time"], verdicts.Select(v => v.Name));
        Assert.Equal([true, false, true, true, true, true, true], verdicts.Select(v => v.Passed));
        Assert.All(verdicts, v => Assert.False(string.IsNullOrWhiteSpace(v.Detail), $"Rule {v.Name} has no detail.{Environment.NewLine}{dryRun}"));
        dryRun.OutputShouldContain($"Dry run: rules for {version} {digest} to production (continuous delivery):");
        dryRun.OutputShouldContain("Dry run: it would be refused: approval");
        Assert.Equal(ledgerBefore, repo.LedgerLines("production"));
        Assert.Equal(artifactsBefore, Snapshot(repo));

        // 4. The approver releases: nothing is rebuilt, the candidate QA passed is promoted.
        var release = await repo.RunAsync(DeliveryRepo.As(DeliveryRepo.Approver), "Release", "--approve", "--comment", "CHG-1042");
        release.ShouldExitWith(0);
        foreach (var stage in new[] { "Package", "PublishQa" })
        {
            Assert.Equal("skipped", release.OutcomeOf(stage));
            Assert.Equal($"satisfied by candidate {version} {digest[..19]}, which passed qa", release.DetailsOf(stage));
        }

        Assert.True(Rule(release, "approval").Passed, release.ToString());
        release.OutputShouldContain($"Released {version} {digest} to production");
        var productionPackage = $"artifacts/environments/production/{version}/App.{version}.nupkg";
        Assert.True(repo.Repository.Exists(productionPackage), $"Production holds no {productionPackage}.{Environment.NewLine}{release}");
        Assert.Equal(Sha256(repo.Repository.Path(qaPackage)), Sha256(repo.Repository.Path(productionPackage)));

        var production = Records(repo, "production");
        Assert.Equal(["refusal", "approval", "release", "release"], production.Select(r => Text(r, "kind")));
        Assert.Equal(["refused", "recorded", "started", "published"], production.Select(r => Text(r, "outcome")));
        foreach (var record in production.Skip(1))
        {
            Assert.Equal(DeliveryRepo.Approver, Text(record, "who"));
            Assert.Equal("CHG-1042", Text(record, "comment"));
            Assert.Equal(digest, Text(record, "digest"));
        }


        // 5. The audit trail, for people and for tools.
        var history = await repo.RunAsync("--history", "production");
        history.ShouldExitWith(0);
        var rows = TableRows(history);
        Assert.Contains(rows, r => r.Length >= 7 && r[1] == "release" && r[2] == "published" && r[6] == DeliveryRepo.Approver);
        Assert.Contains(rows, r => r.Length >= 7 && r[1] == "approval" && r[6] == DeliveryRepo.Approver);

        var json = await repo.RunAsync("--history", "production", "--json");
        json.ShouldExitWith(0);
        var array = JsonSerializer.Deserialize<JsonElement>(json.StandardOutput);
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.Equal(4, array.GetArrayLength());
        Assert.All(array.EnumerateArray(), r =>
        {
            Assert.False(string.IsNullOrEmpty(Text(r, "kind")));
            Assert.False(string.IsNullOrEmpty(Text(r, "who")));
            Assert.StartsWith("sha256:", Text(r, "digest"), StringComparison.Ordinal);
        });
        Assert.Equal(["refusal", "approval", "release", "release"], array.EnumerateArray().Select(r => Text(r, "kind")));
    }

    [Fact]
    public async Task Continuous_deployment_from_PIPELINE_RELEASE_MODE_in_a_script_that_allows_it_builds_checks_and_releases_in_one_run_without_approval()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().AllowModeOverride()");

        var result = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_RELEASE_MODE"] = "deployment" }, "Release");

        ShouldHaveReleasedInOneRunWithoutApproval(repo, result);
    }

    [Fact]
    public async Task Continuous_deployment_from_the_release_mode_option_in_a_script_that_allows_it_builds_checks_and_releases_in_one_run_without_approval()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().AllowModeOverride()");

        var result = await repo.RunAsync("Release", "--release-mode", "deployment");

        ShouldHaveReleasedInOneRunWithoutApproval(repo, result);
    }

    [Fact]
    public async Task Release_mode_that_is_neither_delivery_nor_deployment_is_a_usage_error_before_anything_runs()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);

        var option = await repo.RunAsync("Release", "--release-mode", "sometimes");

        option.ShouldExitWith(2);
        option.ShouldShowNoStackTrace();
        option.ShouldHaveRunNoTarget();
        option.ErrorShouldContain("error: --release-mode must be 'delivery' (a person approves) or 'deployment' (released when every rule holds), got 'sometimes'.");

        // The environment variable is read with the same care, and named when it is wrong.
        var variable = await repo.RunAsync(new Dictionary<string, string?> { ["PIPELINE_RELEASE_MODE"] = "sometimes" }, "Release");

        variable.ShouldExitWith(2);
        variable.ShouldShowNoStackTrace();
        variable.ShouldHaveRunNoTarget();
        variable.ErrorShouldContain("error: PIPELINE_RELEASE_MODE must be 'delivery'");
        Assert.False(repo.Repository.Exists("artifacts/environments"), "A usage error deployed something.");
    }

    [Fact]
    public async Task Dry_run_that_would_pass_exits_0_says_where_the_candidate_would_go_and_changes_nothing()
    {
        using var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", packed: false);
        (await repo.RunAsync()).ShouldExitWith(0);
        var version = Text(Records(repo, "qa")[^1], "version");
        var before = Snapshot(repo);

        // Continuous deployment: every rule can pass without writing an approval first.
        var result = await repo.RunAsync("Release", "--dry-run");

        result.ShouldExitWith(0);
        var verdicts = Rules(result);
        Assert.Equal(["intact", "approval", "allowed-ref", "passed-qa", "qa-unchanged", "no-downgrade", "one-at-a-time"], verdicts.Select(v => v.Name));
        Assert.All(verdicts, v => Assert.True(v.Passed, $"{v.Name} failed: {v.Detail}{Environment.NewLine}{result}"));
        result.OutputShouldContain($"Dry run: {version} would go to production; nothing was changed.");
        Assert.False(repo.Repository.Exists("artifacts/environments/production"), $"The dry run created production.{Environment.NewLine}{result}");
        Assert.Equal(before, Snapshot(repo));
    }

    [Fact]
    public async Task History_of_an_undeclared_environment_exits_2_naming_the_declared_ones()
    {
        using var repo = await DeliveryRepo.CreateAsync(packed: false);

        var unknown = await repo.RunAsync("--history", "nope");

        unknown.ShouldExitWith(2);
        unknown.ShouldShowNoStackTrace();
        unknown.ErrorShouldContain("error: Unknown environment 'nope' (declared: qa, production).");

        // A near miss is named as the likely meaning.
        var typo = await repo.RunAsync("--history", "producton");

        typo.ShouldExitWith(2);
        typo.ErrorShouldContain("Did you mean production?");
    }

    [Fact]
    public async Task History_of_an_environment_without_records_says_so()
    {
        using var repo = await DeliveryRepo.CreateAsync();

        var table = await repo.RunAsync("--history", "qa");

        table.ShouldExitWith(0);
        table.OutputShouldContain("No records for qa yet");
        Assert.Empty(TableRows(table));

        var json = await repo.RunAsync("--history", "qa", "--json");

        json.ShouldExitWith(0);
        var array = JsonSerializer.Deserialize<JsonElement>(json.StandardOutput);
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.Equal(0, array.GetArrayLength());
    }

    /// <summary>Package, PublishQa and Release ran in this one invocation, and Release went through without a person.</summary>
    private static void ShouldHaveReleasedInOneRunWithoutApproval(DeliveryRepo repo, RunnerResult result)
    {
        result.ShouldExitWith(0);
        Assert.Equal(["succeeded", "succeeded", "succeeded"], new[] { "Package", "PublishQa", "Release" }.Select(result.OutcomeOf));
        result.OutputShouldContain("to production (continuous deployment):");
        var approval = Rule(result, "approval");
        Assert.True(approval.Passed, result.ToString());
        Assert.Equal("not needed: continuous deployment", approval.Detail);

        var qa = Records(repo, "qa");
        Assert.Equal(["deployment", "deployment", "qa"], qa.Select(r => Text(r, "kind")));
        Assert.Equal("passed", Text(qa[2], "outcome"));
        var production = Records(repo, "production");
        Assert.Equal(["release started", "release published"], production.Select(r => $"{Text(r, "kind")} {Text(r, "outcome")}"));
        var release = production[1];
        Assert.Equal("continuous-deployment", Text(release, "mode"));
        Assert.Equal(Text(qa[2], "digest"), Text(release, "digest"));
        var version = Text(release, "version");
        Assert.Equal(
            Sha256(repo.Repository.Path($"artifacts/environments/qa/{version}/App.{version}.nupkg")),
            Sha256(repo.Repository.Path($"artifacts/environments/production/{version}/App.{version}.nupkg")));
    }

    /// <summary>Every file under artifacts/ with its SHA-256, except the run record every run rewrites (summary.md, report.html and the history pages it links, outputs.env).</summary>
    private static List<string> Snapshot(DeliveryRepo repo)
    {
        var root = repo.Repository.Path("artifacts");
        return
        [
            .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path))
                .Where(relative => relative is not ("summary.md" or "report.html" or "outputs.env") && !relative.StartsWith("history-", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(relative => $"{relative} {Sha256(Path.Combine(root, relative))}"),
        ];
    }

    /// <summary>The cells of every body row of the --history table (rounded or ASCII borders).</summary>
    private static List<string[]> TableRows(RunnerResult result) =>
    [
        .. result.OutputLines
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] is '│' or '|')
            .Select(l => l.Trim('│', '|').Split('│', '|').Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length >= 9 && cells[0] != "When (UTC)"),
    ];
}
