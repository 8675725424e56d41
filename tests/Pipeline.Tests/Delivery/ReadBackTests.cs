using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Delivery;
using Pipeline.Delivery.Deployers;
using Pipeline.Hosts;

namespace Pipeline.Tests.Delivery;

/// <summary>Deployers give back what they deployed: a folder its version's files, a NuGet feed (folder or server) the packages.</summary>
public sealed class ReadBackTests : IDisposable
{
    private static readonly BuildIdentity Identity = new() { Host = "local", Commit = "0123abcd" };
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 16, 40, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A candidate: a package and a notes file, with its manifest.</summary>
    private Deployment Candidate(string version = "1.2.0")
    {
        var folder = _temp.Combine("candidate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "docs"));
        File.WriteAllText(Path.Combine(folder, $"App.Core.{version}.nupkg"), "package bytes of " + version);
        File.WriteAllText(Path.Combine(folder, "docs", "notes.txt"), "notes");
        var manifest = ReleaseManifest.Create(folder, version, Identity, dirty: false, Now);
        manifest.WriteTo(folder);
        return new Deployment("qa", manifest, manifest.Digest, AbsolutePath.From(folder));
    }

    private AbsolutePath Into() => AbsolutePath.From(_temp.Combine("read-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task A_folder_deployer_gives_back_every_file_of_the_version_and_an_extra_one_shows_in_the_verification()
    {
        var deployer = new FolderDeployer(AbsolutePath.From(_temp.Combine("qa")));
        var candidate = Candidate();
        await deployer.DeployAsync(candidate, EnvironmentKind.Qa, CancellationToken.None).WaitAsync(Runs.HangGuard);
        File.WriteAllText(_temp.Combine("qa", "1.2.0", "docs", "added.txt"), "added in QA");

        var into = Into();
        var readBack = await deployer.ReadBackAsync(candidate, into, CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.Equal(ReadBackStatus.Read, readBack.Status);
        Assert.Equal(["App.Core.1.2.0.nupkg", "docs/notes.txt"], readBack.Paths);
        Assert.Equal("package bytes of 1.2.0", File.ReadAllText(into / "App.Core.1.2.0.nupkg"));
        Assert.Equal(["extra: docs/added.txt (not in the manifest)"], candidate.Manifest.Verify(into));
    }

    [Fact]
    public async Task A_folder_deployer_says_when_the_version_is_not_there()
    {
        var deployer = new FolderDeployer(AbsolutePath.From(_temp.Combine("qa")));

        var readBack = await deployer.ReadBackAsync(Candidate(), Into(), CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.Equal(ReadBackStatus.Missing, readBack.Status);
        Assert.Equal($"{_temp.Combine("qa", "1.2.0")} does not exist", readBack.Detail);
    }

    [Fact]
    public async Task A_command_deployer_cannot_read_back_and_says_which_it_is()
    {
        var deployer = Deployers.Command("deploy.sh");

        var readBack = await deployer.ReadBackAsync(Candidate(), Into(), CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.Equal(ReadBackStatus.NotSupported, readBack.Status);
        Assert.Equal("command deploy.sh cannot read back what it deployed", readBack.Detail);
    }

    [Fact]
    public async Task A_hierarchical_folder_feed_gives_back_the_package_under_its_lower_case_path()
    {
        var feed = _temp.Combine("feed");
        Directory.CreateDirectory(Path.Combine(feed, "app.core", "1.2.0"));
        File.WriteAllText(Path.Combine(feed, "app.core", "1.2.0", "app.core.1.2.0.nupkg"), "package bytes of 1.2.0");
        var candidate = Candidate();

        var into = Into();
        var readBack = await new NuGetFeedDeployer(feed, apiKey: null).ReadBackAsync(candidate, into, CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.Equal(ReadBackStatus.Read, readBack.Status);
        Assert.Equal(["App.Core.1.2.0.nupkg"], readBack.Paths);
        Assert.Equal("package bytes of 1.2.0", File.ReadAllText(into / "App.Core.1.2.0.nupkg"));
    }

    [Fact]
    public async Task A_server_feed_gives_back_the_package_from_its_flat_container_and_says_when_it_has_none()
    {
        using var server = new FlatContainerServer(new Dictionary<string, byte[]>
        {
            ["/flat/app.core/1.2.0/app.core.1.2.0.nupkg"] = Encoding.UTF8.GetBytes("package bytes of 1.2.0"),
        });
        var deployer = new NuGetFeedDeployer(server.Index, apiKey: null);

        var into = Into();
        var readBack = await deployer.ReadBackAsync(Candidate(), into, CancellationToken.None).WaitAsync(Runs.HangGuard);
        var absent = await deployer.ReadBackAsync(Candidate("1.3.0"), Into(), CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.Equal(ReadBackStatus.Read, readBack.Status);
        Assert.Equal("package bytes of 1.2.0", File.ReadAllText(into / "App.Core.1.2.0.nupkg"));
        Assert.Equal(ReadBackStatus.Missing, absent.Status);
        Assert.Equal($"the feed {server.Index} holds none of App.Core.1.3.0.nupkg", absent.Detail);
    }

    [Fact]
    public async Task A_server_feed_that_cannot_be_reached_is_not_read_and_says_why()
    {
        var deployer = new NuGetFeedDeployer($"http://127.0.0.1:{FreePort()}/v3/index.json", apiKey: null);

        var readBack = await deployer.ReadBackAsync(Candidate(), Into(), CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.Equal(ReadBackStatus.NotSupported, readBack.Status);
        Assert.StartsWith("the feed http://127.0.0.1:", readBack.Detail, StringComparison.Ordinal);
        Assert.Contains("could not be read", readBack.Detail, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A NuGet v3 server on the loopback: its service index names <c>/flat/</c> as the flat container.</summary>
    private sealed class FlatContainerServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly IReadOnlyDictionary<string, byte[]> _files;
        private readonly Task _serving;

        public FlatContainerServer(IReadOnlyDictionary<string, byte[]> files)
        {
            _files = files;
            var prefix = $"http://127.0.0.1:{FreePort()}/";
            _listener.Prefixes.Add(prefix);
            _listener.Start();
            Index = prefix + "v3/index.json";
            _serving = Task.Run(ServeAsync);
        }

        public string Index { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                var body = path == "/v3/index.json"
                    ? Encoding.UTF8.GetBytes($$"""{"version":"3.0.0","resources":[{"@id":"{{Index.Replace("v3/index.json", "flat/", StringComparison.Ordinal)}}","@type":"PackageBaseAddress/3.0.0"}]}""")
                    : _files.GetValueOrDefault(path);
                context.Response.StatusCode = body is null ? 404 : 200;
                if (body is not null)
                {
                    await context.Response.OutputStream.WriteAsync(body);
                }

                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(Runs.HangGuard);
        }
    }
}
