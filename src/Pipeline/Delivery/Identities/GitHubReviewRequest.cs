using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// Asks GitHub's REST API for a run's review history with the job's token, as GitHub documents the call
/// (<c>Accept: application/vnd.github+json</c>, a bearer token, an API version, a user agent). Every way it can
/// fail (unreachable, a token refused or without <c>actions: read</c>, another run or repository, an answer of
/// another shape) is a refusal that names the address and what to check; the token is never part of a message.
/// </summary>
internal static class GitHubReviewRequest
{
    /// <summary>Generous: a release waits rather than fail on a slow API; a hang still ends.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    private static readonly HttpClient Http = new() { Timeout = Timeout };

    public static async Task<IReadOnlyList<EnvironmentReview>> ReadAsync(string url, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var shown = $"GET {url}";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ReleaseRefusedException($"Cannot read this run's environment reviews: '{url}' is not an http(s) address; check GITHUB_API_URL.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Pipeline", null)); // GitHub refuses requests without one
        try
        {
            using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ReleaseRefusedException($"GitHub refused to give this run's environment reviews ({shown}: {(int)response.StatusCode} {response.ReasonPhrase}{Said(body)}): {Advice(response.StatusCode)}");
            }

            return ReviewHistory.Parse(body);
        }
        catch (HttpRequestException exception)
        {
            throw new ReleaseRefusedException($"GitHub could not be reached for this run's environment reviews ({shown}: {exception.Message}); check GITHUB_API_URL and the runner's network.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReleaseRefusedException($"GitHub did not answer within {Timeout.TotalSeconds:0} s for this run's environment reviews ({shown}); run the release job again.", exception);
        }
        catch (InvalidDataException exception)
        {
            throw new ReleaseRefusedException($"GitHub's answer to {shown} is not the documented review history of a run: {exception.Message}; check GITHUB_API_URL.", exception);
        }
    }

    private static string Advice(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized =>
            "the token in PIPELINE_GITHUB_TOKEN was not accepted; give the release job its own token (env: PIPELINE_GITHUB_TOKEN: ${{ github.token }}).",
        HttpStatusCode.Forbidden =>
            "the token in PIPELINE_GITHUB_TOKEN may not read the run's reviews; give the release job 'permissions: actions: read'.",
        HttpStatusCode.NotFound =>
            "check GITHUB_REPOSITORY and GITHUB_RUN_ID, and that the token may read the repository's runs ('permissions: actions: read' on the release job).",
        _ => "check GITHUB_API_URL, the token in PIPELINE_GITHUB_TOKEN and 'permissions: actions: read' on the release job.",
    };

    /// <summary>GitHub's own reason (its error body's <c>message</c>), when it gives one.</summary>
    private static string Said(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                && message.GetString() is { Length: > 0 } text
                ? $", \"{(text.Length > 200 ? text[..200] + "…" : text)}\""
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
