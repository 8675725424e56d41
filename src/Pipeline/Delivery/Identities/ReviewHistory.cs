using System.Text.Json;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// Reads GitHub's answer to <c>GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals</c> in its documented
/// shape: an array of objects with <c>state</c>, <c>user.login</c>, <c>environments[].name</c> and <c>comment</c>
/// (schema <c>environment-approvals</c>). What the decision rests on (state, login, environments) must be there;
/// anything else is not the review history, and is refused rather than guessed at.
/// </summary>
internal static class ReviewHistory
{
    /// <exception cref="InvalidDataException">The text is not the documented review history; the message says why.</exception>
    public static IReadOnlyList<EnvironmentReview> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"it is not JSON ({exception.Message})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"expected an array of reviews, got {Described(root)}");
            }

            return [.. root.EnumerateArray().Select(Entry)];
        }
    }

    private static EnvironmentReview Entry(JsonElement entry, int index)
    {
        var at = $"review {index + 1}";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{at} is {Described(entry)}, not an object");
        }

        var state = Text(entry, "state", at) ?? throw Missing(at, "state");
        var login = entry.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
            ? Text(user, "login", at + " user")
            : null;
        if (string.IsNullOrWhiteSpace(login))
        {
            throw Missing(at, "user.login");
        }

        if (!entry.TryGetProperty("environments", out var environments) || environments.ValueKind != JsonValueKind.Array)
        {
            throw Missing(at, "environments (an array)");
        }

        var names = environments.EnumerateArray().Select(environment => environment.ValueKind == JsonValueKind.Object
            ? Text(environment, "name", at + " environment")
            : throw new InvalidDataException($"{at} has an environment that is {Described(environment)}, not an object"));
        return new EnvironmentReview(login, state, [.. names.OfType<string>()], Text(entry, "comment", at) is { Length: > 0 } comment ? comment : null);
    }

    /// <summary>A string property, null when absent or null; another kind of value is malformed.</summary>
    private static string? Text(JsonElement element, string property, string at) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new InvalidDataException($"{at} has a '{property}' that is {Described(value)}, not a string");

    private static InvalidDataException Missing(string at, string property) => new($"{at} has no {property}");

    private static string Described(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
