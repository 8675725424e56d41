using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// GitHub's REST API on the loopback address, as far as a release job asks it: every request is answered with
/// the status and body set last (GitHub's documented shape, or an error), and remembered with the headers that
/// matter, so a test can see what the runner sent.
/// </summary>
internal sealed class GitHubApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private volatile Answer _answer = new(200, "[]");

    public GitHubApiServer()
    {
        Url = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The API's base address, as GitHub Actions gives it in <c>GITHUB_API_URL</c>.</summary>
    public string Url { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Answers every request from now on with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public void Answers(int status, string body) => _answer = new(status, body);

    /// <summary>A review history of one review in GitHub's documented shape.</summary>
    public static string Review(string state, string login, string environment, string comment = "Ship it!") => $$"""
        {
          "state": "{{state}}",
          "comment": "{{comment}}",
          "environments": [
            {
              "id": 161088068,
              "node_id": "MDExOkVudmlyb25tZW50MTYxMDg4MDY4",
              "name": "{{environment}}",
              "url": "https://api.github.com/repos/octo/app/environments/{{environment}}",
              "html_url": "https://github.com/octo/app/deployments/activity_log?environments_filter={{environment}}",
              "created_at": "2020-11-23T22:00:40Z",
              "updated_at": "2020-11-23T22:00:40Z"
            }
          ],
          "user": {
            "login": "{{login}}",
            "id": 1,
            "node_id": "MDQ6VXNlcjE=",
            "avatar_url": "https://github.com/images/error/octocat_happy.gif",
            "gravatar_id": "",
            "url": "https://api.github.com/users/{{login}}",
            "html_url": "https://github.com/{{login}}",
            "type": "User",
            "site_admin": false
          }
        }
        """;

    /// <summary>A port nothing listens on (for an unreachable API).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(HangGuard.Default);
    }

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

            var request = context.Request;
            Requests.Enqueue(new SeenRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"], request.Headers["Accept"]));
            var answer = _answer;
            var body = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private sealed record Answer(int Status, string Body);
}

/// <summary>A request the server answered: its method, path and the headers a GitHub client must send.</summary>
internal sealed record SeenRequest(string Method, string Path, string? Authorization, string? Accept);
