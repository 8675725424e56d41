using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Bench;

/// <summary>
/// What the template's Compile, Test and Package work on in the sample repository: a solution with one class
/// library and one xUnit project that tests it, written as <c>dotnet new sln/classlib/xunit</c> would (less their
/// template engine's start-up), its library padded with generated sources to a realistic size. The test packages
/// get the versions this repository's own tests use, and restore from the machine's NuGet packages folder as a
/// fallback folder: no network, and nothing written there.
/// </summary>
internal sealed class SampleSolution
{
    /// <summary>How many tests the xUnit project has: the closing line of a Test run is <c>Test: 4 passed, 0 failed</c>.</summary>
    public const int TestCount = 4;

    /// <summary>The library source the after-one-edit runs change, relative to the repository root.</summary>
    public const string EditedSource = "src/Sample.Lib/Calculator.cs";

    private const string EditMarker = "Revision() => ";

    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net{0}.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    private const string Calculator = """
        namespace Sample.Lib;

        public static class Calculator
        {
            public static int Add(int left, int right) => left + right;

            public static int Multiply(int left, int right) => left * right;

            // The benchmark's edit: one digit of this method changes, so the library compiles to other bytes.
            public static int Revision() => 0;
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

    private static readonly string[] TestPackages = ["Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio"];

    private SampleSolution(IReadOnlyDictionary<string, string> testPackageVersions, string userNuGetPackages)
    {
        TestPackageVersions = testPackageVersions;
        UserNuGetPackages = userNuGetPackages;
    }

    /// <summary>The closing line of a Test run of this solution.</summary>
    public static string ClosingLine { get; } = $"Test: {TestCount} passed, 0 failed";

    /// <summary>The machine's NuGet packages folder: the sample's fallback package folder.</summary>
    public string UserNuGetPackages { get; }

    private IReadOnlyDictionary<string, string> TestPackageVersions { get; }

    /// <summary>The test packages' versions from this repository's Directory.Packages.props, and the machine's NuGet packages folder.</summary>
    public static async Task<SampleSolution> LoadAsync(string repositoryRoot)
    {
        var props = Path.Combine(repositoryRoot, "Directory.Packages.props");
        var versions = File.Exists(props)
            ? XDocument.Load(props).Descendants("PackageVersion")
                .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
                .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase)
            : throw new MeasurementException($"No {props}: the sample's test packages take the versions this repository's tests use.");
        foreach (var package in TestPackages.Where(p => !versions.ContainsKey(p)))
        {
            throw new MeasurementException($"{props} pins no version of {package}, which the sample's test project needs.");
        }

        var result = await BenchProcess.RunSuccessfullyAsync(
            DotNetHost.Path, ["nuget", "locals", "global-packages", "--list"], repositoryRoot, Scratch.PackingEnvironment(), HangGuard.Default);
        const string Prefix = "global-packages:";
        var line = result.StandardOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line is null
            ? throw new MeasurementException($"Could not read the machine's NuGet packages folder: {result.Describe()}")
            : new SampleSolution(versions, line[Prefix.Length..].Trim());
    }

    /// <summary>
    /// Writes the solution, its two projects and their sources into <paramref name="root"/>, and
    /// <paramref name="generatedSources"/> small classes into the library, a hundred to a folder.
    /// </summary>
    public void WriteTo(string root, int generatedSources)
    {
        for (var i = 0; i < generatedSources; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Part{i:0000}");
            Write(
                root,
                string.Create(CultureInfo.InvariantCulture, $"src/Sample.Lib/Generated/Group{i / 100:00}/{name}.cs"),
                string.Create(CultureInfo.InvariantCulture, $"namespace Sample.Lib.Generated;{Environment.NewLine}{Environment.NewLine}internal static class {name}{Environment.NewLine}{{{Environment.NewLine}    public static int Value => {i};{Environment.NewLine}}}"));
        }

        var framework = Environment.Version.Major.ToString(CultureInfo.InvariantCulture);
        Write(root, "Sample.slnx", """
            <Solution>
              <Project Path="src/Sample.Lib/Sample.Lib.csproj" />
              <Project Path="tests/Sample.Tests/Sample.Tests.csproj" />
            </Solution>
            """);
        Write(root, "src/Sample.Lib/Sample.Lib.csproj", string.Format(CultureInfo.InvariantCulture, Library, framework));
        Write(root, EditedSource, Calculator);
        Write(root, "tests/Sample.Tests/Sample.Tests.csproj", TestProject(framework).ToString());
        Write(root, "tests/Sample.Tests/CalculatorTests.cs", CalculatorTests);
    }

    /// <summary>
    /// Changes one byte of the library source: the digit <c>Revision()</c> returns becomes <paramref name="revision"/>
    /// (1 to 9, so each edit of a run is new and no earlier build of it can be reused).
    /// </summary>
    public static void EditOneByte(string root, int revision)
    {
        if (revision is < 1 or > 9)
        {
            throw new MeasurementException($"The library source is edited at most 9 times in a run (one digit); asked for edit {revision}: use fewer --test-runs.");
        }

        var path = Path.Combine(root, EditedSource);
        var bytes = File.ReadAllBytes(path);
        var at = System.Text.Encoding.UTF8.GetString(bytes).IndexOf(EditMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new MeasurementException($"{EditedSource} has no '{EditMarker}' to edit.");
        }

        // The source is ASCII, so the character index is the byte index.
        bytes[at + EditMarker.Length] = (byte)('0' + revision);
        File.WriteAllBytes(path, bytes);
    }

    private XElement TestProject(string framework) =>
        new(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("TargetFramework", $"net{framework}.0"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("Nullable", "enable"),
                new XElement("IsPackable", "false")),
            new XElement("ItemGroup", TestPackages.Select(p => new XElement("PackageReference", new XAttribute("Include", p), new XAttribute("Version", TestPackageVersions[p])))),
            new XElement("ItemGroup", new XElement("Using", new XAttribute("Include", "Xunit"))),
            new XElement("ItemGroup", new XElement("ProjectReference", new XAttribute("Include", "../../src/Sample.Lib/Sample.Lib.csproj"))));

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + Environment.NewLine);
    }
}
