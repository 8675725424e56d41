using NuGet.Versioning;

namespace Pipeline.Versioning;

/// <summary>
/// The version of the commit being built, from git tags, in the manner of MinVer:
/// <list type="bullet">
/// <item>HEAD carries a version tag (<c>1.4.2</c> or <c>v1.4.2</c>): that version (the highest, if several).</item>
/// <item>Otherwise the nearest tagged ancestor at height <c>h</c>: a release <c>1.4.2</c> gives
/// <c>1.4.3-alpha.0.h</c>; a pre-release <c>2.0.0-rc.1</c> gives <c>2.0.0-rc.1.h</c>.</item>
/// <item>No version tag at all: <c>0.0.0-alpha.0.h</c>, h counting every commit.</item>
/// </list>
/// Tags that are not SemVer are ignored. A shallow clone cannot see its tags or true height, so it is reported.
/// </summary>
public static class GitVersion
{
    /// <summary>The version of HEAD in <paramref name="repository"/>, with how it was found.</summary>
    public static GitVersionResult Calculate(string repository)
    {
        if (Git(repository, "rev-parse", "HEAD") is not { } head)
        {
            return new GitVersionResult(new SemanticVersion(0, 0, 0, "alpha.0"), null, 0, "no git commit here, so no version history");
        }

        var shallow = Git(repository, "rev-parse", "--is-shallow-repository") == "true";
        var warning = shallow ? "this is a shallow clone: tags and height may be missing; fetch the full history (fetch-depth: 0)" : null;
        var described = Git(repository, "describe", "--tags", "--long", "--abbrev=40", "--match", "v[0-9]*", "--match", "[0-9]*", "HEAD");

        // <tag>-<height>-g<sha>: the tag itself may contain dashes, so it is read from the right.
        var parts = described?.Split('-') ?? [];
        if (parts.Length >= 3 && int.TryParse(parts[^2], out var height))
        {
            var taggedCommit = Git(repository, "rev-list", "-n", "1", string.Join('-', parts[..^2]));
            var versions = (Git(repository, "tag", "--points-at", taggedCommit ?? head) ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Parse)
                .OfType<SemanticVersion>()
                .ToList();
            if (versions.Count > 0)
            {
                var tagged = versions.Max()!;
                return new GitVersionResult(Next(tagged, height), tagged, height, warning);
            }
        }

        var commits = int.TryParse(Git(repository, "rev-list", "--count", "HEAD"), out var count) ? count : 0;
        return new GitVersionResult(new SemanticVersion(0, 0, 0, $"alpha.0.{commits}"), null, commits, warning);
    }

    /// <summary>A tag as a version: <c>1.2.3</c> or <c>v1.2.3</c>, with pre-release and metadata allowed.</summary>
    public static SemanticVersion? Parse(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var text = tag.StartsWith('v') || tag.StartsWith('V') ? tag[1..] : tag;
        return SemanticVersion.TryParse(text, out var version) ? version : null;
    }

    private static SemanticVersion Next(SemanticVersion tagged, int height) => height == 0
        ? tagged
        : tagged.IsPrerelease
            ? new SemanticVersion(tagged.Major, tagged.Minor, tagged.Patch, $"{tagged.Release}.{height}")
            : new SemanticVersion(tagged.Major, tagged.Minor, tagged.Patch + 1, $"alpha.0.{height}");

    private static string? Git(string repository, params string[] arguments) => GitOutput.Read(repository, arguments);
}

/// <summary>A calculated version, the tag it came from (if any), the commits since it, and what to warn about.</summary>
public sealed record GitVersionResult(SemanticVersion Version, SemanticVersion? Tag, int Height, string? Warning);
