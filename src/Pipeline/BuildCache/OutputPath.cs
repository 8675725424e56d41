namespace Pipeline.BuildCache;

/// <summary>
/// The paths a cache entry may name: relative, '/'-separated, inside the root. An entry from a shared cache is
/// input from elsewhere: one naming <c>../</c> or an absolute path must not write outside the checkout.
/// </summary>
internal static class OutputPath
{
    public static bool IsSafe(string? relative) =>
        !string.IsNullOrEmpty(relative) &&
        !relative.Contains('\\', StringComparison.Ordinal) &&
        !relative.Contains('\0', StringComparison.Ordinal) &&
        !Path.IsPathRooted(relative) &&
        relative.Split('/').All(segment => segment is { Length: > 0 } and not "." and not "..");

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>.</summary>
    public static string Under(string root, string relative) => Path.GetFullPath(Path.Combine(root, relative));
}
