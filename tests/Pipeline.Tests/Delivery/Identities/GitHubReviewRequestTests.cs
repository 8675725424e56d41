using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Delivery;
using Pipeline.Delivery.Identities;

namespace Pipeline.Tests.Delivery.Identities;

/// <summary>Each way GitHub can turn a release job's request for its reviews down is a refusal naming the address and what to check, never the token.</summary>
public sealed class GitHubReviewRequestTests
{
    private const string Token = "ghs_unitT0kenNeverInAMessage0123456789";

    [Theory]
    [InlineData(401, "401 Unauthorized, \"Bad credentials\"): the token in PIPELINE_GITHUB_TOKEN was not accepted; give the release job its own token (env: PIPELINE_GITHUB_TOKEN: ${{ github.token }}).")]
    [InlineData(403, "403 Forbidden, \"Bad credentials\"): the token in PIPELINE_GITHUB_TOKEN may not read the run's reviews; give the release job 'permissions: actions: read'.")]
    [InlineData(404, "404 Not Found, \"Bad credentials\"): check GITHUB_REPOSITORY and GITHUB_RUN_ID, and that the token may read the repository's runs ('permissions: actions: read' on the release job).")]
    [InlineData(500, "500 Internal Server Error, \"Bad credentials\"): check GITHUB_API_URL, the token in PIPELINE_GITHUB_TOKEN and 'permissions: actions: read' on the release job.")]
    public async Task A_status_other_than_200_is_refused_with_what_to_check(int status, string expected)
    {
        using var server = new OneAnswerServer(status, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""");

        var refusal = await Assert.ThrowsAsync<ReleaseRefusedException>(() => GitHubReviewRequest.ReadAsync(server.Url, Token, CancellationToken.None).WaitAsync(Runs.HangGuard));

        Assert.Equal($"GitHub refused to give this run's environment reviews (GET {server.Url}: {expected}", refusal.Message);
        Assert.Equal(("GET", $"Bearer {Token}", "application/vnd.github+json"), server.Seen);
    }

    [Fact]
    public async Task The_documented_answer_gives_the_reviews()
    {
        using var server = new OneAnswerServer(200, ReviewHistoryTests.Documented(login: "hubot", environment: "production"));

        var reviews = await GitHubReviewRequest.ReadAsync(server.Url, Token, CancellationToken.None).WaitAsync(Runs.HangGuard);

        Assert.True(Assert.Single(reviews).Approves("production"));
    }

    [Fact]
    public async Task An_address_that_is_not_http_is_refused_naming_the_variable_to_check()
    {
        var refusal = await Assert.ThrowsAsync<ReleaseRefusedException>(() => GitHubReviewRequest.ReadAsync("api.github.com/repos/o/r/actions/runs/1/approvals", Token, CancellationToken.None));

        Assert.Equal("Cannot read this run's environment reviews: 'api.github.com/repos/o/r/actions/runs/1/approvals' is not an http(s) address; check GITHUB_API_URL.", refusal.Message);
    }

    /// <summary>Answers one request on the loopback address, remembering its method and the headers GitHub needs.</summary>
    private sealed class OneAnswerServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public OneAnswerServer(int status, string body)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var prefix = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            probe.Stop();
            _listener.Prefixes.Add(prefix);
            _listener.Start();
            Url = prefix + "repos/octo/app/actions/runs/42/approvals";
            _serving = Task.Run(async () =>
            {
                var context = await _listener.GetContextAsync();
                Seen = (context.Request.HttpMethod, context.Request.Headers["Authorization"], context.Request.Headers["Accept"]);
                context.Response.StatusCode = status;
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
                context.Response.Close();
            });
        }

        public string Url { get; }

        public (string Method, string? Authorization, string? Accept) Seen { get; private set; }

        public void Dispose()
        {
            _listener.Close();
            try
            {
                _serving.Wait(Runs.HangGuard);
            }
            catch (AggregateException)
            {
                // Closed before a request came (a test that asked nothing).
            }
        }
    }
}
