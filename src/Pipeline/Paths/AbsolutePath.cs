namespace Pipeline.Paths;

/// <summary>
/// A normalised absolute file-system path. Relative input is resolved against the current directory,
/// which the runner sets to the repository root. <c>root / "artifacts" / "packages"</c> composes.
/// </summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private AbsolutePath(string fullPath) => FullPath = fullPath;

    public string FullPath { get; }

    public string Name => Path.GetFileName(FullPath);

    public AbsolutePath? Parent =>
        Path.GetDirectoryName(FullPath) is { } parent ? new AbsolutePath(parent) : null;

    public bool Exists => File.Exists(FullPath) || Directory.Exists(FullPath);

    public static AbsolutePath From(string path) => From(path, Directory.GetCurrentDirectory());

    /// <summary>A path, resolved against <paramref name="baseDirectory"/> when it is relative.</summary>
    public static AbsolutePath From(string path, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path, baseDirectory);
        var trimmed = Path.TrimEndingDirectorySeparator(full);
        return new AbsolutePath(trimmed.Length == 0 ? full : trimmed);
    }

    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return From(Path.Combine(left.FullPath, right));
    }

    public static implicit operator string(AbsolutePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.FullPath;
    }

    /// <summary>The path relative to <paramref name="basePath"/>, with forward slashes, for messages.</summary>
    public string RelativeTo(AbsolutePath basePath)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        return Path.GetRelativePath(basePath.FullPath, FullPath).Replace('\\', '/');
    }

    public AbsolutePath Combine(string relative) => this / relative;

    public bool Equals(AbsolutePath? other) =>
        other is not null && string.Equals(FullPath, other.FullPath, PathComparison);

    public override bool Equals(object? obj) => Equals(obj as AbsolutePath);

    public override int GetHashCode() => FullPath.GetHashCode(PathComparison);

    public override string ToString() => FullPath;

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
