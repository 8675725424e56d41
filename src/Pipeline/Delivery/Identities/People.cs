using System.Text.RegularExpressions;

namespace Pipeline.Delivery.Identities;

/// <summary>
/// Who is the same person: identities compared without case, a forge's no-reply address taken as its login
/// (GitHub's <c>12345+octocat@users.noreply.github.com</c> and <c>octocat@users.noreply.github.com</c> are the
/// login <c>octocat</c>; GitLab's <c>12345-octocat@users.noreply.gitlab.com</c> likewise), and the policy's
/// alias file (<see cref="IdentityAliases"/>) mapping the rest to one person. Pure: the file is read before.
/// </summary>
internal sealed partial class People
{
    private readonly IReadOnlyDictionary<string, string> _personOf;

    public People(IReadOnlyDictionary<string, string>? personOf = null) => _personOf = personOf ?? new Dictionary<string, string>();

    public static People WithoutAliases { get; } = new();

    /// <summary>The one name every identity of this person comes down to.</summary>
    public string PersonOf(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var normal = Normalise(identity);
        return _personOf.GetValueOrDefault(normal, normal);
    }

    public bool Same(string one, string other) => PersonOf(one) == PersonOf(other);

    /// <summary>Lower case, trimmed, a no-reply address reduced to the login it stands for.</summary>
    internal static string Normalise(string identity)
    {
        var trimmed = identity.Trim().ToLowerInvariant();
        var match = NoReplyAddress().Match(trimmed);
        return match.Success ? match.Groups["login"].Value : trimmed;
    }

    // GitHub: [ID+]login@users.noreply.github.com; GitLab: [ID-]login@users.noreply.gitlab.com.
    [GeneratedRegex(@"^(?:(?:\d+\+)?(?<login>[^@+]+)@users\.noreply\.github\.com|(?:\d+-)?(?<login>[^@]+)@users\.noreply\.gitlab\.com)$", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex NoReplyAddress();
}
