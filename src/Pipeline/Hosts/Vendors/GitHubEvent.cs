using System.Text.Json;

namespace Pipeline.Hosts.Vendors;

/// <summary>Reads the webhook payload GitHub Actions (and the runners that copy it) leave in a file for the job.</summary>
internal static class GitHubEvent
{
    /// <summary>The pull request's number in the event payload file (<c>$GITHUB_EVENT_PATH</c>); null when there is none or the file is not JSON.</summary>
    public static string? PullRequestNumber(string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(eventPath));
            return document.RootElement.TryGetProperty("pull_request", out var pull) && pull.TryGetProperty("number", out var number)
                ? number.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
