using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.EndToEnd.Tests.BuildCache;

/// <summary>
/// A real nginx serving a WebDAV folder that accepts <c>PUT</c> on 127.0.0.1, as a team would run for a remote build
/// cache: Debian's nginx (installed when missing and the tests run as root, as CI does; otherwise a failure saying how
/// to install it), run as the current user in the foreground as one process, with its own configuration, pid file,
/// logs and temporary folders in a fresh temp folder. Disposing of it kills it and removes the folder.
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Program = new(InstallWhenMissingAsync);

    private readonly ChildProcess _process;

    private Nginx(string folder, int port, ChildProcess process)
    {
        Folder = folder;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/cache/");
        _process = process;
    }

    /// <summary>The cache's base URL, <c>http://127.0.0.1:PORT/cache/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Where the files PUT under <see cref="Url"/> land: <c>ac/</c> and <c>cas/</c> appear here.</summary>
    public string Data => Path.Combine(Folder, "data", "cache");

    /// <summary>The files the server holds, relative to <see cref="Data"/> with '/' separators, sorted.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(Data)
            ? [.. Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Data, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    private string Folder { get; }

    /// <summary>
    /// Starts nginx on a free loopback port and waits until it accepts connections. With
    /// <paramref name="requiredBearerToken"/>, any request without <c>Authorization: Bearer</c> and that token is
    /// answered 401. With <paramref name="bytesPerSecond"/>, responses are sent no faster (nginx's <c>limit_rate</c>),
    /// so a test can act while a download is under way.
    /// </summary>
    public static async Task<Nginx> StartAsync(string? requiredBearerToken = null, int? bytesPerSecond = null)
    {
        var program = await Program.Value;
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "data", "cache"));

        // Another process may take the free port between asking and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var configuration = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(configuration, Configuration(folder, port, requiredBearerToken, bytesPerSecond));
            var process = ChildProcess.Start(program, ["-p", folder + "/", "-c", configuration, "-e", "stderr"], folder, hangGuard: TimeSpan.FromHours(2));
            var nginx = new Nginx(folder, port, process);
            if (await nginx.AcceptsConnectionsAsync(port))
            {
                return nginx;
            }

            // Exited (its output says why), or never answered (then it is killed and the hang guard's message says so).
            await nginx.KillAsync();
            var output = process.Completion.IsCompletedSuccessfully ? process.Completion.Result.Describe() : "it did not accept connections and was killed";
            await process.DisposeAsync();
            if (attempt == 3 || !output.Contains("Address already in use", StringComparison.Ordinal))
            {
                Directory.Delete(folder, recursive: true);
                Assert.Fail($"nginx did not start:{Environment.NewLine}{output}");
            }
        }
    }

    /// <summary>Kills the server, as a crash or an unplugged cable would end it, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        await _process.KillAsync();
        try
        {
            await _process.Completion;
        }
        catch (TimeoutException)
        {
            // How ChildProcess reports a child it was told to kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }

    /// <summary>One process in the foreground (no master, no workers to outlive it); every path inside the folder.</summary>
    private static string Configuration(string folder, int port, string? requiredBearerToken, int? bytesPerSecond)
    {
        var rate = bytesPerSecond is { } limit ? $"limit_rate {limit.ToString(CultureInfo.InvariantCulture)};" : "";
        var authorization = requiredBearerToken is null
            ? ""
            : $$"""
                    if ($http_authorization != "Bearer {{requiredBearerToken}}") {
                        return 401;
                    }
            """;
        return $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log stderr warn;
            events {
                worker_connections 64;
            }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    location /cache/ {
                        root {{folder}}/data;
                        dav_methods PUT;
                        create_full_put_path on;
                        dav_access user:rw group:r all:r;
                        client_max_body_size 0;
                        {{rate}}
            {{authorization}}
                    }
                }
            }
            """;
    }

    private async Task<bool> AcceptsConnectionsAsync(int port)
    {
        var deadline = DateTime.UtcNow + HangGuard.Default;
        while (DateTime.UtcNow < deadline && !_process.Completion.IsCompleted)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> InstallWhenMissingAsync()
    {
        if (Found() is { } found)
        {
            return found;
        }

        await DebianPackages.InstallAsync("nginx", "The build cache tests");
        return Found() ?? throw new InvalidOperationException("apt-get installed nginx, but there is no /usr/sbin/nginx.");
    }

    /// <summary>Debian puts nginx in /usr/sbin, which is not on every user's PATH.</summary>
    private static string? Found() =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
}
