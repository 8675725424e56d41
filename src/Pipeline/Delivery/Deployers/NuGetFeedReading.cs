using System.Net;
using System.Text.Json;

namespace Pipeline.Delivery.Deployers;

/// <summary>
/// Gives back the packages a NuGet feed holds of a candidate: from a folder feed (flat, as <c>dotnet nuget push</c>
/// writes it, or hierarchical), or from a server's v3 flat container (the service index's
/// <c>PackageBaseAddress/3.0.0</c>), downloaded without credentials.
/// </summary>
internal static class NuGetFeedReading
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Copies the packages found in the folder feed into <paramref name="into"/>; the manifest paths looked for.</summary>
    public static ReadBack FromFolder(string feed, IReadOnlyList<ManifestFile> packages, string into, CancellationToken cancellationToken)
    {
        var found = 0;
        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(package.Path);
            var flat = Path.Combine(feed, name);
            var hierarchical = NuGetPackageName.Parse(name) is { } parsed ? Path.Combine(feed, parsed.HierarchicalPath) : null;
            var source = File.Exists(flat) ? flat : hierarchical is not null && File.Exists(hierarchical) ? hierarchical : null;
            if (source is not null)
            {
                Copy(source, Path.Combine(into, package.Path));
                found++;
            }
        }

        return found == 0
            ? ReadBack.Missing($"the feed {feed} holds none of {string.Join(", ", packages.Select(p => Path.GetFileName(p.Path)))}")
            : ReadBack.Read(packages.Select(p => p.Path), feed);
    }

    /// <summary>Downloads the packages from the server's flat container into <paramref name="into"/>.</summary>
    public static async Task<ReadBack> FromServerAsync(Uri index, IReadOnlyList<ManifestFile> packages, string into, CancellationToken cancellationToken)
    {
        string? baseAddress;
        try
        {
            baseAddress = await PackageBaseAddressAsync(index, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ReadBack.NotSupported($"the feed {index} could not be read ({exception.Message})");
        }

        if (baseAddress is null)
        {
            return ReadBack.NotSupported($"the feed {index} has no PackageBaseAddress/3.0.0 to download packages from");
        }

        var found = 0;
        foreach (var package in packages)
        {
            var name = Path.GetFileName(package.Path);
            if (NuGetPackageName.Parse(name) is not { } parsed)
            {
                return ReadBack.NotSupported($"{name} does not name a package id and version, so it cannot be looked up in {index}");
            }

            var address = new Uri(new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/"), parsed.HierarchicalPath);
            try
            {
                using var response = await Http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    return ReadBack.NotSupported($"the feed {index} asks for credentials to download {name}");
                }

                response.EnsureSuccessStatusCode();
                var target = Path.Combine(into, package.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var file = File.Create(target);
                await using (file.ConfigureAwait(false))
                {
                    await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }

                found++;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return ReadBack.NotSupported($"{address} could not be downloaded ({exception.Message})");
            }
        }

        return found == 0
            ? ReadBack.Missing($"the feed {index} holds none of {string.Join(", ", packages.Select(p => Path.GetFileName(p.Path)))}")
            : ReadBack.Read(packages.Select(p => p.Path), index.ToString());
    }

    private static async Task<string?> PackageBaseAddressAsync(Uri index, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(index, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.TryGetProperty("@type", out var type) && type.GetString() is "PackageBaseAddress/3.0.0" &&
                    resource.TryGetProperty("@id", out var id) && id.GetString() is { Length: > 0 } address)
                {
                    return address;
                }
            }

            return null;
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}
