namespace Pipeline.Bench;

/// <summary>
/// The floor every start-up figure is compared with: the smallest .NET program, a console app that prints
/// hello, built in Release by the harness in its scratch folder and run as <c>dotnet hello.dll</c>, the way
/// build.sh runs the Pipeline runner (<c>dotnet Pipeline.Runner.dll</c>). The project is what
/// <c>dotnet new console</c> writes, without its template engine in the way.
/// </summary>
internal sealed class HelloFloor
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net{0}.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <AssemblyName>hello</AssemblyName>
          </PropertyGroup>
        </Project>
        """;

    private const string Program = """
        Console.WriteLine("Hello, World!");
        """;

    private HelloFloor(string assembly, string folder)
    {
        Assembly = assembly;
        Folder = folder;
    }

    /// <summary>The built hello.dll.</summary>
    public string Assembly { get; }

    /// <summary>Where it runs: its own folder.</summary>
    public string Folder { get; }

    /// <summary>The command of a floor run: dotnet hello.dll.</summary>
    public (string Program, string[] Arguments) Command => (DotNetHost.Path, [Assembly]);

    public static async Task<HelloFloor> BuildAsync(Scratch scratch)
    {
        var source = scratch.Folder("hello");
        var output = Path.Combine(source, "out");
        await File.WriteAllTextAsync(
            Path.Combine(source, "hello.csproj"),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Project, Environment.Version.Major));
        await File.WriteAllTextAsync(Path.Combine(source, "Program.cs"), Program);

        await BenchProcess.RunSuccessfullyAsync(
            DotNetHost.Path,
            ["build", "hello.csproj", "--configuration", "Release", "--output", output, "--nologo", "--verbosity", "quiet"],
            source,
            scratch.Environment(),
            HangGuard.Default);
        var assembly = Path.Combine(output, "hello.dll");
        var floor = new HelloFloor(assembly, output);
        var check = await BenchProcess.RunSuccessfullyAsync(floor.Command.Program, floor.Command.Arguments, floor.Folder, scratch.Environment(), HangGuard.Default);
        return check.StandardOutput.Trim() == "Hello, World!"
            ? floor
            : throw new MeasurementException($"The floor app printed '{check.StandardOutput.Trim()}', not 'Hello, World!'.");
    }
}
