// This repository's own build, written in Pipeline: ./build.sh [Compile|Test|Package] [options].
// The default pipeline is Compile -> Test -> Package.

var configuration = Parameter("configuration", "Release", "Build configuration of Compile, Test and Package.");

var solution = Root / "Pipeline.sln";
var artifacts = Root / "artifacts";

var compile = Target("Compile")
    .Description("Builds the solution.")
    .Executes(ct => DotNet.BuildAsync(solution, configuration, [$"-p:Version={Version.ToNormalizedString()}"], ct));

var test = Target("Test")
    .Description("Runs every test project; the last line is 'Test: N passed, N failed'.")
    .DependsOn(compile)
    .Executes(async ct =>
    {
        var summary = await DotNet.TestAsync(solution, artifacts / "test-results", configuration, noBuild: true, cancellationToken: ct);
        WriteAtEnd(summary.ToClosingLine());
        summary.ThrowIfFailed();
    });

var package = Target("Package")
    .Description("Packs the library, the runner tool and the dotnet new templates into artifacts/packages, with a SHA256SUMS file.")
    .DependsOn(compile, test)
    .Executes(async ct =>
    {
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
        new CommandOptions { Timeout = TimeSpan.FromMinutes(15) },
        ct));

Default(package);
