// The sample build the README's pictures show (./build.sh Screenshots copies it into a scratch git repository as
// build/build.csx and runs `Release --approve --parallel 3` with it): a small library's pipeline whose steps are real
// child processes that take a moment, two of them side by side, one skipped, then a package released through QA.

var packages = Root / "artifacts" / "packages";

// Each step is a real process that takes the given seconds, so the timeline has something to show.
async Task Step(string what, string seconds, CancellationToken ct)
{
    Console.WriteLine(what);
    await Cmd.RunAsync("sleep", [seconds], cancellationToken: ct);
}

var restore = Target("Restore").Description("Restores the solution's packages.")
    .Executes(ct => Step("Restoring 4 projects", "0.6", ct));
var compile = Target("Compile").Description("Builds the solution.").DependsOn(restore)
    .Executes(ct => Step("Building Sample.sln", "1.4", ct));
var lint = Target("Lint").Description("Checks formatting and analyzers.").DependsOn(restore)
    .Executes(ct => Step("dotnet format --verify-no-changes", "0.9", ct));
var unitTests = Target("UnitTests").Description("Runs the unit tests.").DependsOn(compile)
    .Executes(ct => Step("Test: 214 passed, 0 failed", "1.2", ct));
var integrationTests = Target("IntegrationTests").Description("Runs the integration tests.").DependsOn(compile)
    .Executes(ct => Step("Test: 37 passed, 0 failed", "1.7", ct));
var docs = Target("Docs").Description("Publishes the API docs from the default branch only.").DependsOn(compile)
    .OnlyWhen(() => Environment.GetEnvironmentVariable("PUBLISH_DOCS") == "1", "PUBLISH_DOCS is 1 (the docs job sets it)");
var package = Target("Package").Description("Packs the library and writes the release manifest.").DependsOn(unitTests, integrationTests, lint)
    .Executes(async ct =>
    {
        if (Directory.Exists(packages))
        {
            Directory.Delete(packages, recursive: true);
        }

        Directory.CreateDirectory(packages);
        await Step("Packing Sample", "0.5", ct);
        File.WriteAllText(packages / "Sample.txt", $"Sample {Version}\n");
        WriteReleaseManifest(packages);
    });

var qa = QaEnvironment("qa").Check("smoke", async (deployment, ct) =>
{
    await Step("smoke: the deployed package opens", "0.3", ct);
});
var production = ProductionEnvironment("production");
var publishQa = Target("PublishQa").Description("Deploys the candidate to QA and checks it there.").DependsOn(package).PublishesTo(qa, packages);
Target("Release").Description("Promotes what passed QA to production, by digest.").DependsOn(publishQa, docs)
    .Promotes(qa, production, new ReleasePolicy().ContinuousDelivery());
Default(publishQa);
