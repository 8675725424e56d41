// This repository's own build, written in Pipeline: ./build.sh [Compile|Test|Package|PublishQa|Release] [options].
// The default pipeline is Compile -> Test -> Package -> PublishQa; Release promotes what QA checked (README, "Delivery").

var configuration = Parameter("configuration", "Release", "Build configuration of Compile, Test and Package.");
var fast = Parameter("fast", false, "Test runs only the fast tests: not those marked [Trait(\"Speed\", \"Slow\")] (packing, NuGet restores, delivery, this repository's build).");

var solution = Root / "Pipeline.sln";
var artifacts = Root / "artifacts";

// Compile and Test are incremental (README, "Incremental targets"): with nothing changed since their last successful
// run, they are up to date and do not run. Compile reads the sources, project and build files, and the public API
// lists the analyzer checks (the version from git tags is not an input: Package builds again with its own). Test
// reads far more than Compile's outputs (README blocks, templates, this script, the CI file), so every file but the
// build outputs and what tests write themselves (git-ignored) is its input.
string[] sources =
[
    "**/*.cs", "**/*.csproj", "*.sln", "**/*.props", "**/*.targets", "**/PublicAPI.*.txt",
    "global.json", "**/.editorconfig", "!**/bin/**", "!**/obj/**", "!artifacts/**",
];

var compile = Target("Compile")
    .Description("Builds the solution.")
    .Inputs(sources)
    .InputValues(configuration)
    .Outputs("**/bin/**", "**/obj/**", "!**/obj/**/*.nuspec") // Package writes the .nuspec files: not Compile's.
    .Executes(ct => DotNet.BuildAsync(solution, configuration, [$"-p:Version={Version.ToNormalizedString()}"], ct));

var test = Target("Test")
    .Description("Runs every test project; the last line is 'Test: N passed, N failed'.")
    .DependsOn(compile)
    .Inputs(
        "**/*", "!**/bin/**", "!**/obj/**", "!artifacts/**", "!**/node_modules/**", "!**/TestResults/**",
        "!**/*.received.txt", "!**/*.user", "!.vs/**", "!.idea/**")
    .InputValues(configuration, fast)
    .Outputs("artifacts/test-results/**")
    .DoNotCache("the tests also use this machine's own tools (git, nginx, rsync, Node.js), which no fingerprint names")
    .Executes(async ct =>
    {
        string[] filter = fast.Value ? ["--filter", "Speed!=Slow"] : [];
        var summary = await DotNet.TestAsync(solution, artifacts / "test-results", configuration, noBuild: true, extraArguments: filter, cancellationToken: ct);
        WriteAtEnd(summary.ToClosingLine());
        summary.ThrowIfFailed();
    });

var package = Target("Package")
    .Description("Packs the library, the runner tool and the dotnet new templates into artifacts/packages, with a SHA256SUMS file.")
    .DependsOn(compile, test)
    // Not incremental: the release manifest it writes names the commit and this run, so no two runs make the same.
    .Executes(async ct =>
    {
        // A release candidate is made only after the whole suite; --fast leaves the slow tests out.
        if (fast.Value)
        {
            throw new InvalidOperationException("Package makes a release candidate, which needs every test to have run: run it without --fast.");
        }

        var output = artifacts / "packages";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // Not --no-build: the runner tool is packed per platform (ReadyToRun for this one, plus a portable
        // fallback), builds that Compile does not make. Everything else is up to date and is not rebuilt.
        // The version comes from git tags (see README, "Versions").
        var version = Version.ToNormalizedString();
        await DotNet.PackAsync(solution, output, configuration, extraArguments: [$"-p:Version={version}"], cancellationToken: ct);
        Checksums.WriteSha256Sums(output);
        var candidate = WriteReleaseManifest(output);

        // For later CI steps and jobs: the version, the candidate's digest and where the packages are.
        SetOutput("version", version);
        SetOutput("manifest-digest", candidate.Digest);
        SetOutput("packages", output);
        SetBuildNumber(version);
        PublishArtifact(output);
    });

// The embedded defaults: folders under artifacts/environments stand in for the QA feed and production.
var qa = QaEnvironment("qa")
    .Check("smoke", SmokeTestAsync);
var production = ProductionEnvironment("production");

var publishQa = Target("PublishQa")
    .Description("Deploys the packages to QA (artifacts/environments/qa) and checks there that the packaged tool installs and runs a build.")
    .DependsOn(package)
    .PublishesTo(qa, artifacts / "packages");

Target("Release")
    .Description("Promotes the candidate that passed QA to production: the same bytes, by digest. Continuous delivery: needs --approve.")
    .DependsOn(publishQa)
    .Promotes(qa, production, new ReleasePolicy()
        .ContinuousDelivery()
        .ApprovalValidFor(TimeSpan.FromDays(7)));

// CI is generated from this script (README, "CI"): ./build.sh --generate-ci writes .github/workflows/pipeline.yml,
// and its first step, ./build.sh --check-ci, fails the run when the file no longer matches this script.
Ci.GitHubActions();

// Installs Pipeline.Tool from the QA folder, as a user would from a feed, into a scratch folder with a NuGet cache
// of its own (a rebuilt candidate keeps its version, and a shared cache would hand back the old bytes), then runs a
// one-target build with it.
async Task SmokeTestAsync(Deployment deployment, CancellationToken ct)
{
    var scratch = artifacts / "qa-smoke";
    if (Directory.Exists(scratch))
    {
        Directory.Delete(scratch, recursive: true);
    }

    var isolated = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = scratch / "nuget", ["PIPELINE_CACHE"] = scratch / "cache" };
    await Cmd.RunAsync(
        "dotnet",
        ["tool", "install", "Pipeline.Tool", "--version", deployment.Version, "--tool-path", scratch / "tools", "--add-source", deployment.Location!],
        new CommandOptions { Environment = isolated },
        ct);
    var repository = scratch / "repository";
    Directory.CreateDirectory(repository / "build");
    File.WriteAllText(repository / "build/build.csx", "Target(\"Smoke\").Executes(() => Console.WriteLine(\"smoke: ok\"));\n");
    var result = await Cmd.RunAsync(scratch / "tools/pipeline", ["Smoke", "--host", "local"], new CommandOptions { WorkingDirectory = repository, Environment = isolated }, ct);
    if (!result.StandardOutput.Contains("smoke: ok", StringComparison.Ordinal))
    {
        throw new InvalidOperationException("The installed tool ran, but the Smoke target did not print 'smoke: ok'.");
    }
}

// Benchmarks, not tests: start-up, memory and planning against a .NET hello world, in a repository set up by
// `dotnet new pipeline` from the runner tool and template packed afresh (with a version of their own) by the
// harness. Prints one table (README, "Performance"); a MISS does not fail the build, only a measurement that could
// not be made does. After Package when both are named (./build.sh Package Bench), without pulling the tests in.
Target("Bench")
    .Description("Measures start-up, memory and planning against a .NET hello world; prints one table.")
    .After(package)
    .Executes(ct => Cmd.RunAsync(
        "dotnet",
        ["run", "--project", Root / "build/bench/Pipeline.Bench", "-c", "Release", "--", "--table", artifacts / "bench/performance.md"],
        new CommandOptions { Timeout = TimeSpan.FromMinutes(30) }, // a hang guard: packing alone took 3.5 min on a loaded machine
        ct));

// The README's pictures (docs/images): the report of a sample release run (build/screenshots/sample.csx, run in a
// scratch git repository with this runner) and its plan graph, rendered by Debian's chromium, headless.
Target("Screenshots")
    .Description("Regenerates the README's pictures in docs/images: a sample run's report and plan graph (needs chromium).")
    .Executes(async ct =>
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Screenshots renders with chromium, which is not installed: apt-get install -y chromium.");
        var scratch = artifacts / "screenshots";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var sample = scratch / "sample";
        Directory.CreateDirectory(sample / "build");
        File.Copy(Root / "build/screenshots/sample.csx", sample / "build/build.csx");
        File.WriteAllText(sample / ".gitignore", "artifacts/\n.pipeline/\n");
        var author = new Dictionary<string, string?> { ["GIT_CONFIG_COUNT"] = "2", ["GIT_CONFIG_KEY_0"] = "user.email", ["GIT_CONFIG_VALUE_0"] = "dev@example.com", ["GIT_CONFIG_KEY_1"] = "user.name", ["GIT_CONFIG_VALUE_1"] = "Dev" };
        string[][] commands = [["init", "--quiet", "--initial-branch=main"], ["add", "-A"], ["commit", "--quiet", "-m", "Sample"], ["tag", "v1.4.0"]];
        foreach (var git in commands)
        {
            await Cmd.RunAsync("git", git, new CommandOptions { WorkingDirectory = sample, Environment = author, Quiet = true }, ct);
        }

        // This runner, whichever way this build was started; the approver is not the author (separation of duties).
        var runner = Path.Combine(AppContext.BaseDirectory, "Pipeline.Runner.dll");
        var approver = new Dictionary<string, string?>(author) { ["GIT_CONFIG_VALUE_0"] = "release@example.com", ["GIT_CONFIG_VALUE_1"] = "Release Manager" };
        await Cmd.RunAsync("dotnet", [runner, "--script", sample / "build/build.csx", "Release", "--approve", "--parallel", "3", "--host", "local"], new CommandOptions { WorkingDirectory = sample, Environment = approver }, ct);
        await Cmd.RunAsync("dotnet", [runner, "--script", sample / "build/build.csx", "Release", "--skip", "Lint", "--plan", "--html", scratch / "plan.html", "--host", "local"], new CommandOptions { WorkingDirectory = sample }, ct);

        var images = Root / "docs/images";
        Directory.CreateDirectory(images);
        foreach (var (page, image, size) in new[] { (sample / "artifacts/report.html", images / "report.png", "1280,1000"), (scratch / "plan.html", images / "plan.png", "1280,800") })
        {
            await Cmd.RunAsync(
                chromium,
                ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--window-size={size}", $"--screenshot={image}", new Uri(page).AbsoluteUri],
                new CommandOptions { WorkingDirectory = scratch },
                ct);
        }
    });

Default(publishQa);
