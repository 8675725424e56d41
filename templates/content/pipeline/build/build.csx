// This repository's build, written in Pipeline: ./build.sh [Compile|Test|Package] [options].
// ./build.sh --help lists the targets and parameters; ./build.sh --plan shows what would run.
// The default pipeline is Compile -> Test -> Package, for the solution in the repository root.

var configuration = Parameter("configuration", "Release", "Build configuration of Compile, Test and Package.");

var artifacts = Root / "artifacts";

// The single *.sln or *.slnx in the repository root, found when a target first needs it (so --help
// works anywhere). To build another solution, write its path instead: new(() => Root / "src/App.sln").
var solution = new Lazy<AbsolutePath>(() => FindSolution(Root));

// Compile, Test and Package are incremental: a target whose inputs (these files, the configuration, this script,
// what the targets it depends on made) are as its last successful run left them, and whose outputs are still
// there unchanged, is up to date and does not run; ./build.sh --plan says what would run and why, --force runs
// everything. Compile's inputs are the files dotnet build reads: add any other file your projects read (.razor,
// embedded or copied files), or a change to it will not rebuild.
string[] sources =
[
    "**/*.cs", "**/*.resx", "**/*.csproj", "*.sln", "*.slnx", "**/*.props", "**/*.targets",
    "global.json", "nuget.config", "NuGet.Config", "**/packages.lock.json", "**/.editorconfig",
    "!**/bin/**", "!**/obj/**", "!artifacts/**",
];

var compile = Target("Compile")
    .Description("Builds the solution.")
    .Inputs(sources)
    .InputValues(configuration)
    .Outputs("**/bin/**", "**/obj/**", "!**/obj/**/*.nuspec") // Package writes the .nuspec files: not Compile's.
    .Executes(ct => DotNet.BuildAsync(solution.Value, configuration, cancellationToken: ct));

var test = Target("Test")
    .Description("Runs the tests into artifacts/test-results; the last line is 'Test: N passed, N failed'.")
    .DependsOn(compile)
    .InputValues(configuration) // and what Compile built: a changed source is built again, then tested again
    .Outputs("artifacts/test-results/**")
    .Executes(async ct =>
    {
        var summary = await DotNet.TestAsync(solution.Value, artifacts / "test-results", configuration, noBuild: true, cancellationToken: ct);
        WriteAtEnd(summary.ToClosingLine());
        summary.ThrowIfFailed();
    });

var package = Target("Package")
    .Description("Packs the solution into artifacts/packages, with a SHA256SUMS file.")
    .DependsOn(compile, test)
    .Inputs("**/*", "!**/bin/**", "!**/obj/**", "!artifacts/**") // packages also hold files no compiler reads: a README, an icon
    .InputValues(configuration)
    .Outputs("artifacts/packages/**")
    .Executes(async ct =>
    {
        var output = artifacts / "packages";
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        await DotNet.PackAsync(solution.Value, output, configuration, noBuild: true, cancellationToken: ct);
        Directory.CreateDirectory(output);
        Checksums.WriteSha256Sums(output);
    });

// Does nothing: `./build.sh Noop` measures how long Pipeline takes to start.
Target("Noop")
    .Description("Does nothing; measures start-up.")
    .Hidden()
    .Executes(() => { });

Default(package);

AbsolutePath FindSolution(AbsolutePath root)
{
    var found = Directory.EnumerateFiles(root)
        .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".sln" or ".slnx")
        .Order(StringComparer.Ordinal)
        .ToList();
    return found.Count switch
    {
        1 => AbsolutePath.From(found[0]),
        0 => throw new Exception(
            $"No solution (*.sln or *.slnx) in {root}. Create one (dotnet new sln; dotnet sln add ...) " +
            "or set the solution's path in build/build.csx."),
        _ => throw new Exception(
            $"Several solutions in {root}: {string.Join(", ", found.Select(Path.GetFileName))}. " +
            "Set the one to build in build/build.csx."),
    };
}
