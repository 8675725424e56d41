using System.Xml.Linq;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Distribution;

/// <summary>
/// A user's repository, made the way a user makes one: a git repository with a solution holding a class
/// library and an xUnit project that tests it (<c>dotnet new sln/classlib/xunit</c>, <c>dotnet sln add</c>),
/// and (unless made without) a nuget.config that adds the fresh packages' folder as a source.
/// </summary>
public sealed class SampleRepository
{
    /// <summary>How many tests the xUnit project has.</summary>
    public const int TestCount = 4;

    private const string Calculator = """
        namespace Sample.Lib;

        public static class Calculator
        {
            public static int Add(int left, int right) => left + right;

            public static int Multiply(int left, int right) => left * right;
        }
        """;

    private const string CalculatorTests = """
        using Sample.Lib;

        namespace Sample.Tests;

        public class CalculatorTests
        {
            [Fact]
            public void Adds() => Assert.Equal(5, Calculator.Add(2, 3));

            [Fact]
            public void Adds_negative_numbers() => Assert.Equal(-1, Calculator.Add(2, -3));

            [Fact]
            public void Multiplies() => Assert.Equal(6, Calculator.Multiply(2, 3));

            [Fact]
            public void Multiplies_by_zero() => Assert.Equal(0, Calculator.Multiply(7, 0));
        }
        """;

    private readonly FreshPackages _packages;

    private SampleRepository(FreshPackages packages, string root)
    {
        _packages = packages;
        Root = root;
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>A git repository with only a nuget.config: no solution yet.</summary>
    public static async Task<SampleRepository> CreateEmptyAsync(FreshPackages packages)
    {
        var repository = new SampleRepository(packages, packages.NewFolder("repository"));
        await repository.RunAsync("git", "init", "--quiet");
        packages.WriteNuGetConfig(repository.Root);
        return repository;
    }

    /// <summary>A git repository with the solution: Sample.Lib and Sample.Tests, with <see cref="TestCount"/> tests.</summary>
    public static async Task<SampleRepository> CreateAsync(FreshPackages packages)
    {
        var repository = await CreateEmptyAsync(packages);
        await repository.AddSolutionAsync();
        return repository;
    }

    /// <summary>
    /// The same repository in <paramref name="root"/>, but with no nuget.config: where the fresh packages come from is
    /// for the user (and the test) to configure.
    /// </summary>
    public static async Task<SampleRepository> CreateWithoutNuGetConfigAsync(FreshPackages packages, string root)
    {
        var repository = new SampleRepository(packages, Directory.CreateDirectory(root).FullName);
        await repository.RunAsync("git", "init", "--quiet");
        await repository.AddSolutionAsync();
        return repository;
    }

    /// <summary><c>dotnet new install</c> of the fresh template package into a hive of its own, then <c>dotnet new pipeline</c>.</summary>
    public async Task NewPipelineAsync()
    {
        var hive = _packages.NewFolder("template-hive");
        await DotNetAsync("new", "install", _packages.TemplatesPackage, "--debug:custom-hive", hive);
        await DotNetAsync("new", "pipeline", "--debug:custom-hive", hive);
    }

    /// <summary>Runs <c>dotnet</c> (the real one) in the repository root and fails the test unless it succeeds.</summary>
    public Task<RunnerResult> DotNetAsync(params string[] arguments) => RunAsync(DotNetHost.Path, arguments);

    /// <summary>Runs a program in the repository root and fails the test unless it succeeds.</summary>
    public Task<RunnerResult> RunAsync(string program, params string[] arguments) =>
        Terminal.RunSuccessfullyAsync(program, arguments, Root, _packages.Environment());

    private async Task AddSolutionAsync()
    {
        await DotNetAsync("new", "sln", "--name", "Sample");
        await DotNetAsync("new", "classlib", "--name", "Sample.Lib", "--output", "src/Sample.Lib", "--no-restore");
        await DotNetAsync("new", "xunit", "--name", "Sample.Tests", "--output", "tests/Sample.Tests", "--no-restore");
        await DotNetAsync("sln", "add", "src/Sample.Lib/Sample.Lib.csproj", "tests/Sample.Tests/Sample.Tests.csproj");

        File.Delete(Path("src/Sample.Lib/Class1.cs"));
        File.WriteAllText(Path("src/Sample.Lib/Calculator.cs"), Calculator);
        File.Delete(Path("tests/Sample.Tests/UnitTest1.cs"));
        File.WriteAllText(Path("tests/Sample.Tests/CalculatorTests.cs"), CalculatorTests);
        ReferenceLibraryAndPinTestPackages();
    }

    /// <summary>
    /// The test project references the library, and its test packages get the versions this repository's own
    /// tests use: they are in the NuGet cache already, where the template's newest versions may not be.
    /// </summary>
    private void ReferenceLibraryAndPinTestPackages()
    {
        var projectFile = Path("tests/Sample.Tests/Sample.Tests.csproj");
        var project = XDocument.Load(projectFile);
        var references = project.Descendants("PackageReference").ToList();
        foreach (var reference in references)
        {
            var name = reference.Attribute("Include")!.Value;
            if (_packages.CentralPackageVersions.TryGetValue(name, out var version))
            {
                reference.SetAttributeValue("Version", version);
            }
            else
            {
                reference.Remove(); // coverlet.collector: not needed to run the tests.
            }
        }

        project.Root!.Add(new XElement(
            "ItemGroup",
            new XElement("ProjectReference", new XAttribute("Include", "../../src/Sample.Lib/Sample.Lib.csproj"))));
        project.Save(projectFile);
    }
}
