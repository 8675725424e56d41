using System.Diagnostics;
using Pipeline.Delivery;
using Pipeline.Delivery.Records;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// A user's repository for delivery tests: a git repository (author <see cref="Author"/>) with a small real
/// class library, and a build whose Package target packs it with <c>dotnet pack</c> and writes the release
/// manifest, a <c>qa</c> environment with a smoke check that opens the deployed package, a <c>production</c>
/// environment, PublishQa (the default) and Release. Both environments are the embedded folder defaults.
/// </summary>
public sealed class DeliveryRepo : IDisposable
{
    public const string Author = "author@example.com";

    public const string Approver = "approver@example.com";

    private const string Library = """
        namespace App;

        public static class Greeting
        {
            public static string Hello(string name) => $"Hello, {name}!";
        }
        """;

    internal DeliveryRepo(TempRepo repository) => Repository = repository;

    public TempRepo Repository { get; }

    public string Root => Repository.Root;

    /// <param name="policy">The C# expression of Release's policy.</param>
    /// <param name="production">Calls appended to <c>ProductionEnvironment()</c>, e.g. <c>.DeploysWith(...)</c>.</param>
    /// <param name="extra">Declarations appended to the script.</param>
    /// <param name="packed">
    /// Package packs the library with <c>dotnet pack</c> (what a real candidate is); false copies its source into the
    /// package folder instead, for tests about records and people rather than packages, which then need no build.
    /// </param>
    public static async Task<DeliveryRepo> CreateAsync(string policy = "new ReleasePolicy()", string production = "", string extra = "", bool packed = true)
    {
        var repository = new DeliveryRepo(new TempRepo(packed ? Script(policy, production, extra) : CopiedScript(policy, production, extra)));
        File.WriteAllText(repository.Repository.Path(".gitignore"), "artifacts/\nbin/\nobj/\n");
        repository.Repository.CreateFolder("src/App");
        File.WriteAllText(repository.Repository.Path("src/App/App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <PackageId>App</PackageId>
                <Authors>Example</Authors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(repository.Repository.Path("src/App/Greeting.cs"), Library);
        await repository.GitAsync("init", "--quiet", "--initial-branch=main");

        // Without an origin, releases come from init.defaultBranch: pinned here, not left to the machine's global git config.
        await repository.GitAsync("config", "init.defaultBranch", "main");
        await repository.GitAsync("config", "user.email", Author);
        await repository.GitAsync("config", "user.name", "Author");
        await repository.CommitAllAsync("Initial commit");
        return repository;
    }

    /// <summary>The build script; <c>{0}</c> policy, <c>{1}</c> production calls, <c>{2}</c> extra declarations.</summary>
    public static string Script(string policy, string production, string extra) => $$"""
        var packages = Root / "artifacts" / "packages";
        var package = Target("Package").Executes(async ct =>
        {
            if (Directory.Exists(packages))
            {
                Directory.Delete(packages, recursive: true);
            }

            await DotNet.PackAsync(Root / "src/App/App.csproj", packages, extraArguments: [$"-p:Version={Version.ToNormalizedString()}"], cancellationToken: ct);
            WriteReleaseManifest(packages);
        });

        var qa = QaEnvironment().Check("smoke", (deployment, ct) =>
        {
            var nupkg = Directory.GetFiles(deployment.Location!, "App.*.nupkg").Single();
            using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
            if (zip.GetEntry("lib/net10.0/App.dll") is null)
            {
                throw new InvalidOperationException("App.dll is not in the deployed package");
            }

            Console.WriteLine($"smoke: {Path.GetFileName(nupkg)} holds App.dll");
            return Task.CompletedTask;
        });
        var production = ProductionEnvironment(){{production}};
        var publishQa = Target("PublishQa").DependsOn(package).PublishesTo(qa, packages);
        var release = Target("Release").DependsOn(publishQa).Promotes(qa, production, {{policy}});
        Default(publishQa);
        {{extra}}
        """;

    /// <summary>The build script whose Package copies the library's source and version (no <c>dotnet pack</c>): the same targets and environments.</summary>
    public static string CopiedScript(string policy, string production, string extra) => $$"""
        var packages = Root / "artifacts" / "packages";
        var package = Target("Package").Executes(() =>
        {
            if (Directory.Exists(packages))
            {
                Directory.Delete(packages, recursive: true);
            }

            Directory.CreateDirectory(packages);
            File.Copy(Root / "src/App/Greeting.cs", packages / "Greeting.cs");
            File.WriteAllText(packages / "version.txt", Version.ToNormalizedString());
            WriteReleaseManifest(packages);
        });

        var qa = QaEnvironment().Check("smoke", (deployment, ct) =>
        {
            var source = File.ReadAllText(Path.Combine(deployment.Location!, "Greeting.cs"));
            if (!source.Contains("Hello, "))
            {
                throw new InvalidOperationException("Greeting.cs is not in the deployed package");
            }

            Console.WriteLine("smoke: the deployed package holds Greeting.cs");
            return Task.CompletedTask;
        });
        var production = ProductionEnvironment(){{production}};
        var publishQa = Target("PublishQa").DependsOn(package).PublishesTo(qa, packages);
        var release = Target("Release").DependsOn(publishQa).Promotes(qa, production, {{policy}});
        Default(publishQa);
        {{extra}}
        """;

    /// <summary>Environment variables that make git (and so Pipeline's approver identity) say <paramref name="email"/>.</summary>
    public static Dictionary<string, string?> As(string email, IReadOnlyDictionary<string, string?>? more = null)
    {
        var variables = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = "user.email",
            ["GIT_CONFIG_VALUE_0"] = email,
        };
        return variables;
    }

    public Task<RunnerResult> RunAsync(params string[] arguments) => Repository.RunAsync(arguments);

    public Task<RunnerResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Repository.RunAsync(environment, arguments);

    /// <summary>
    /// The environment's ledger lines (empty when it has none): from the local records folder, or, when the build
    /// keeps its records on git, as this clone last fetched or pushed them.
    /// </summary>
    public IReadOnlyList<string> LedgerLines(string environment)
    {
        if (Repository.Exists($".pipeline/records/{environment}/ledger.jsonl"))
        {
            return [.. File.ReadAllLines(Repository.Path($".pipeline/records/{environment}/ledger.jsonl")).Where(l => l.Length > 0)];
        }

        var onGit = $"{GitRecords.TrackingRef("origin", RecordsBackend.DefaultReference)}:{environment}/{Ledger.FileName}";
        var shown = BlockingProcess.Run("git", ["cat-file", "blob", onGit], Root);
        return shown is { ExitCode: 0 } ? [.. shown.StandardOutput.Split('\n').Where(l => l.Length > 0)] : [];
    }

    public async Task CommitAllAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "--quiet", "-m", message);
    }

    public async Task<string> GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Trim();
    }

    public void Dispose() => Repository.Dispose();
}
