using System.Text.Json;

namespace Pipeline.Hosts.Vendors;

/// <summary>Reads the webhook payload GitHub Actions (and the runners that copy it) leave in a file for the job.</summary>
internal static class GitHubEvent
{
    /// <summary>The pull request's number in the event payload file (<c>$GITHUB_EVENT_PATH</c>); null when there is none or the file is not JSON.</summary>
    public static string? PullRequestNumber(string? eventPath) => Read(eventPath, root =>
        root.TryGetProperty("pull_request", out var pull) && pull.TryGetProperty("number", out var number)
            ? number.ToString()
            : null);

    /// <summary>The repository's default branch in the event payload (<c>repository.default_branch</c>); null when it does not say.</summary>
    public static string? DefaultBranch(string? eventPath) => Read(eventPath, root =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("repository", out var repository) && repository.ValueKind == JsonValueKind.Object &&
        repository.TryGetProperty("default_branch", out var branch) && branch.ValueKind == JsonValueKind.String
            ? branch.GetString()
            : null);

    private static string? Read(string? eventPath, Func<JsonElement, string?> read)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(eventPath));
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
