using System.Globalization;

namespace Pipeline.Partitions;

/// <summary>
/// One slice of a partitioned target: slice <see cref="Index"/> of <see cref="Count"/> (1-based, as in
/// <c>--partition 2/4</c>). <see cref="Of{T}"/> picks the slice's share of a list so that, over all slices, every
/// item is picked exactly once.
/// </summary>
public sealed class PartitionSlice
{
    internal PartitionSlice(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>The slice of a target that runs whole: 1 of 1.</summary>
    internal static PartitionSlice Whole { get; } = new(1, 1);

    /// <summary>Which slice this is, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>How many slices the target is split into; 1 when it runs whole.</summary>
    public int Count { get; }

    /// <summary>The target runs whole: <see cref="Of{T}"/> returns every item.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>
    /// This slice's share of <paramref name="items"/>: the items sorted by <paramref name="key"/> (ordinal; the
    /// item's text when no key is given), then every <see cref="Count"/>-th from position <see cref="Index"/>.
    /// The share depends on the keys only, never on the order the items come in, so jobs that list the same items
    /// differently still split them alike. Items with the same key land in the same slice.
    /// </summary>
    public IReadOnlyList<T> Of<T>(IEnumerable<T> items, Func<T, string>? key = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var keyOf = key ?? (item => Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty);
        var keyed = items.Select(item => (Item: item, Key: keyOf(item))).ToList();
        var rank = keyed.Select(k => k.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((k, position) => (k, position))
            .ToDictionary(k => k.k, k => k.position, StringComparer.Ordinal);
        return [.. keyed.Where(k => rank[k.Key] % Count == Index - 1).OrderBy(k => rank[k.Key]).Select(k => k.Item)];
    }

    /// <summary>How the summaries name the slice: <c>partition 2/4</c>.</summary>
    internal string Describe() => $"partition {this}";

    /// <summary><c>2/4</c>, as <c>--partition</c> takes it.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
