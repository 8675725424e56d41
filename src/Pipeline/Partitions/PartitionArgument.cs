using System.Globalization;
using Pipeline.CommandLine;

namespace Pipeline.Partitions;

/// <summary>Reads <c>--partition i/n</c> (1-based: <c>--partition 2/4</c> is the second of four slices).</summary>
internal static class PartitionArgument
{
    public const string Option = "--partition";

    /// <summary>The slice named by <paramref name="text"/>; null when the option was not given.</summary>
    public static PartitionSlice? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length != 2 || !IsNumber(parts[0], out var index) || !IsNumber(parts[1], out var count))
        {
            throw new UsageException($"{Option} expects a slice and a count as i/n, for example {Option} 2/4; got '{text}'.");
        }

        if (count is < 2 or > Target.MaxPartitions)
        {
            throw new UsageException($"{Option} {text}: the count must be from 2 to {Target.MaxPartitions}, the n of the target's Partition(n).");
        }

        return index >= 1 && index <= count
            ? new PartitionSlice(index, count)
            : throw new UsageException($"{Option} {text}: the slice must be from 1 to {count} (slices count from 1).");
    }

    // Digits only: no sign, no spaces, no culture.
    private static bool IsNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
