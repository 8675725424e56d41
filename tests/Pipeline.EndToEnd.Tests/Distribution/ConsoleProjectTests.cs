using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>The DSL without the script runner: a console project referencing the fresh Pipeline package.</summary>
[Collection(DistributionCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ConsoleProjectTests(FreshPackages packages)
{
    // No using line: the package brings the DSL's namespaces as implicit usings.
    private const string Program = """
        var build = new Build();

        var clean = build.Target("Clean")
            .Description("Deletes the output.")
            .Executes(() => Console.WriteLine("ran Clean"));

        var compile = build.Target("Compile")
            .Description("Compiles the code.")
            .DependsOn(clean)
            .Executes(() => Console.WriteLine("ran Compile"));

        var test = build.Target("Test")
            .Description("Runs the tests.")
            .DependsOn(compile)
            .Executes(async ct =>
            {
                await Task.Delay(10, ct);
                Console.WriteLine("ran Test");
            });

        build.Default(test);
        return await build.RunAsync(args);
        """;

    [Fact]
    public async Task Console_project_using_the_Pipeline_package_runs_lists_and_checks_its_targets()
    {
        var project = await CreateProjectAsync();

        var run = await DotNetRunAsync(project, build: true, "Test");
        run.ShouldExitWith(0);
        Assert.True(Directory.Exists(Path.Combine(packages.NuGetPackages, "pipeline", packages.Version)), "The Pipeline package was not restored from the fresh packages.");
        Assert.Equal(["ran Clean", "ran Compile", "ran Test"], run.OutputLines.Where(l => l.StartsWith("ran ", StringComparison.Ordinal)));
        Assert.Equal(["Clean", "Compile", "Test"], run.SummaryRows.Select(r => r.Target));
        Assert.All(run.SummaryRows, row => Assert.Equal("succeeded", row.Outcome));

        var help = await DotNetRunAsync(project, build: false, "--help");
        help.ShouldExitWith(0);
        Assert.Matches(new Regex(@"^\s*Clean\s+Deletes the output\.\s*$", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*Compile\s+Compiles the code\.\s+Clean\s*$", RegexOptions.Multiline), help.StandardOutput);
        Assert.Matches(new Regex(@"^\s*Test \(default\)\s+Runs the tests\.\s+Compile\s*$", RegexOptions.Multiline), help.StandardOutput);
        help.OutputShouldNotContain("ran ");

        var unknown = await DotNetRunAsync(project, build: false, "Tets");
        unknown.ShouldExitWith(2);
        unknown.ErrorShouldContain("Unknown target 'Tets'.");
        unknown.ErrorShouldContain("Did you mean 'Test'?");
        unknown.ShouldHaveRunNoTarget();
        unknown.OutputShouldNotContain("ran ");
    }

    /// <summary><c>dotnet new console</c>, a reference to the fresh Pipeline package, and the build as Program.cs.</summary>
    private async Task<string> CreateProjectAsync()
    {
        var folder = packages.NewFolder("console");
        await Terminal.RunSuccessfullyAsync(
            DotNetHost.Path, ["new", "console", "--name", "BuildApp", "--output", ".", "--no-restore"], folder, packages.Environment());

        var projectFile = Path.Combine(folder, "BuildApp.csproj");
        var project = XDocument.Load(projectFile);
        project.Root!.Add(new XElement(
            "ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", "Pipeline"), new XAttribute("Version", packages.Version))));
        project.Save(projectFile);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), Program);
        packages.WriteNuGetConfig(folder);
        return folder;
    }

    private Task<RunnerResult> DotNetRunAsync(string project, bool build, params string[] arguments) =>
        Terminal.RunAsync(
            DotNetHost.Path,
            ["run", .. build ? Array.Empty<string>() : ["--no-build"], "--", .. arguments],
            project,
            packages.Environment());
}
