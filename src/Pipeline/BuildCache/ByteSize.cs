using System.Globalization;

namespace Pipeline.BuildCache;

/// <summary>
/// A size as a person writes it: bytes (<c>1073741824</c>), or a number with a unit: <c>KB</c>, <c>MB</c>,
/// <c>GB</c>, <c>TB</c> (powers of 1000) or <c>KiB</c>, <c>MiB</c>, <c>GiB</c>, <c>TiB</c> (powers of 1024); any
/// case, a space allowed before the unit, a decimal fraction allowed (<c>1.5GB</c>).
/// </summary>
internal static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("B", 1),
    ];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var (unit, factor) = Units.FirstOrDefault(u => trimmed.EndsWith(u.Unit, StringComparison.OrdinalIgnoreCase), ("", 1));
        var number = trimmed[..^unit.Length].TrimEnd();
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > long.MaxValue / factor)
        {
            return false;
        }

        bytes = (long)(value * factor);
        return true;
    }
}
