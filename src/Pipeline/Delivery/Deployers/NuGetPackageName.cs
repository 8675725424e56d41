using NuGet.Versioning;

namespace Pipeline.Delivery.Deployers;

/// <summary>
/// A package's id and version read from its file name (<c>App.Core.1.2.0-beta.1.nupkg</c>), the way a feed files
/// it: the version is what follows the first dot that starts a valid version.
/// </summary>
internal sealed record NuGetPackageName(string Id, NuGetVersion Version)
{
    public static NuGetPackageName? Parse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        const string Extension = ".nupkg";
        if (!fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stem = fileName[..^Extension.Length];
        for (var dot = stem.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = stem.IndexOf('.', dot + 1))
        {
            if (dot + 1 < stem.Length && char.IsAsciiDigit(stem[dot + 1]) && NuGetVersion.TryParse(stem[(dot + 1)..], out var version))
            {
                return new NuGetPackageName(stem[..dot], version);
            }
        }

        return null;
    }

    /// <summary>The lower-case id and normalised version a v3 feed (its flat container, a hierarchical folder) uses.</summary>
    public string LowerId => Id.ToLowerInvariant();

    public string LowerVersion => Version.ToNormalizedString().ToLowerInvariant();

    /// <summary>Where a hierarchical feed keeps it, relative to the feed's root (also the flat container's path).</summary>
    public string HierarchicalPath => $"{LowerId}/{LowerVersion}/{LowerId}.{LowerVersion}.nupkg";
}
