// This repository's own build, written in Pipeline: ./build.sh [Compile|Test|Package] [options].
// The default pipeline is Compile -> Test -> Package.

var configuration = Parameter("configuration", "Release", "Build configuration of Compile, Test and Package.");

var solution = Root / "Pipeline.sln";
var artifacts = Root / "artifacts";

var compile = Target("Compile")
    .Description("Builds the solution.")
    .Executes(ct => DotNet.BuildAsync(solution, configuration, cancellationToken: ct));

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
    .Description("Packs the library and the runner tool into artifacts/packages, with a SHA256SUMS file.")
    .DependsOn(compile, test)
    .Executes(async ct =>
    {
        var output = artifacts / "packages";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        await DotNet.PackAsync(solution, output, configuration, noBuild: true, cancellationToken: ct);
        Checksums.WriteSha256Sums(output);
    });

Default(package);
