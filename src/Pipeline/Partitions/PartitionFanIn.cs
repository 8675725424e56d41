using Pipeline.Execution;

namespace Pipeline.Partitions;

/// <summary>
/// The run that merges a partitioned target's slices (CI's fan-in job): a partitioned target this run skips, whose
/// slices left their results in <c>artifacts/partitions</c>, ends as its slices did. It succeeds when every slice is
/// there and did its share, and fails naming each slice that is missing or failed. The slices' closing lines are
/// merged into the run's (<see cref="ClosingLineMerge"/>).
/// </summary>
internal sealed class PartitionFanIn(RunContext run)
{
    /// <summary>The result of a skipped target settled by its slices; null when it is not partitioned or no slice left a result (a plain skip).</summary>
    public TargetResult? Settle(Target target)
    {
        var count = target.PartitionCount;
        if (count == 1)
        {
            return null;
        }

        IReadOnlySet<int> countsFound;
        try
        {
            countsFound = PartitionFiles.CountsFound(run.Root, target);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new TargetResult(target, TargetOutcome.Failed, TimeSpan.Zero, $"the partition results in artifacts/partitions could not be listed: {exception.Message}", target.FailureAllowed);
        }

        if (countsFound.Count == 0)
        {
            return null;
        }

        var slices = new List<PartitionResult>();
        var problems = new List<string>();
        for (var index = 1; index <= count; index++)
        {
            try
            {
                if (PartitionFiles.Read(run.Root, target, index, count) is not { } slice)
                {
                    problems.Add($"partition {index}/{count} is missing ({PartitionFiles.RelativePath(target, index, count)} was not found)");
                }
                else
                {
                    slices.Add(slice);
                    if (!slice.DidItsShare)
                    {
                        problems.Add(WhatWentWrong(slice));
                    }
                }
            }
            catch (InvalidDataException unreadable)
            {
                problems.Add(unreadable.Message);
            }
        }

        foreach (var line in ClosingLineMerge.Merge(slices.SelectMany(s => s.ClosingLines)))
        {
            run.WriteAtEnd(line);
        }

        var longest = slices.Count == 0 ? TimeSpan.Zero : slices.Max(s => s.Duration);
        if (problems.Count == 0)
        {
            return new TargetResult(target, TargetOutcome.Succeeded, longest, $"satisfied by its {count} partitions") { Partitions = slices };
        }

        var otherCounts = countsFound.Where(c => c != count).Order().ToList();
        var stale = otherCounts.Count == 0
            ? string.Empty
            : $" (results found for {string.Join(" and ", otherCounts.Select(c => $"{c} partitions"))}, but {target.Name} declares Partition({count}))";
        return new TargetResult(target, TargetOutcome.Failed, longest, $"{string.Join("; ", problems)}{stale}", target.FailureAllowed) { Partitions = slices };
    }

    /// <summary><c>partition 2/4 failed: InvalidOperationException: …</c>, <c>partition 2/4 not run: Compile failed</c>.</summary>
    private static string WhatWentWrong(PartitionResult slice)
    {
        var outcome = PartitionFiles.OutcomeName(slice.Outcome).Replace('-', ' ');
        return slice.Reason is { Length: > 0 } reason && reason != outcome
            ? $"partition {slice.Slice} {outcome}: {reason}"
            : $"partition {slice.Slice} {outcome}";
    }
}
