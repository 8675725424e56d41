using System.Collections.Concurrent;
using Pipeline.BuildCache;

namespace Pipeline.Incremental;

/// <summary>
/// Decides, for one run, whether each incremental target's body must run: it runs unless the target's fingerprint
/// (inputs, declared values, the script, the tools, what its dependencies made) equals the one of its last
/// successful run and its outputs are as that run left them, or the build cache holds a result for the fingerprint.
/// A reused result is replayed; a successful run is recorded (and stored in the cache); a failed one is forgotten.
/// </summary>
/// <param name="cache">Makes the build cache on first use (a no-change run never pays for an HTTP client); null for none.</param>
internal sealed class IncrementalTargets(RunContext run, Func<IBuildCache?>? cache, ForceRequest force)
{
    private readonly Lazy<IBuildCache?> _cache = new(() => cache?.Invoke());
    private readonly string _root = run.Root.FullPath;
    private readonly TargetStateStore _states = new(run.Root.FullPath);
    private readonly ConcurrentDictionary<Target, string> _outputDigests = new();

    // File times are compared with the real clock: the run's clock (a fake one in tests) does not move file systems.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task<IncrementalDecision> DecideAsync(Target target, CancellationToken cancellationToken)
    {
        try
        {
            return await DecideOrThrowAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without a fingerprint nothing is recorded: the body runs, now and next time, until the files can be read.
            return new IncrementalDecision { Reason = $"its files could not be read ({exception.Message})" };
        }
    }

    private async Task<IncrementalDecision> DecideOrThrowAsync(Target target, CancellationToken cancellationToken)
    {
        var state = _states.Read(target);
        var takenAt = Now;
        var inputs = FileDigests.Compute(_root, FileSet.Match(_root, target.InputGlobs), state?.Inputs, state?.InputsTakenAt);
        var fingerprint = new Fingerprint(FactsOf(target, inputs.Digests));
        var decision = new IncrementalDecision { Reason = "--force", Fingerprint = fingerprint, Inputs = inputs.Digests, InputsTakenAt = takenAt };
        if (force.Covers(target))
        {
            return decision;
        }

        string reason;
        if (state is not null && state.Fingerprint == fingerprint.Digest)
        {
            var outputs = ReadOutputs(target, state.Outputs, state.OutputsTakenAt);
            reason = OutputProblem(state.Outputs, outputs.Digests) ?? string.Empty;
            if (reason.Length == 0)
            {
                _outputDigests[target] = DigestOf(outputs.Digests);
                if (inputs.Hashed + outputs.Hashed > 0)
                {
                    // Files hashed again (touched, or written just before the last record) get fresh hints, so the next run reads none.
                    _states.Write(state with { Inputs = new(inputs.Digests), InputsTakenAt = takenAt, Outputs = new(outputs.Digests), OutputsTakenAt = Now });
                }

                var reuse = new TargetReuse(ReuseKind.UpToDate, fingerprint.Digest, state.Result.RecordedAt);
                return decision with { Reason = $"no change since {reuse.Evidence}", Reuse = reuse, Replayed = state.Result };
            }
        }
        else
        {
            reason = state is null ? "no earlier run recorded" : fingerprint.ChangesSince(state.Facts) ?? "its fingerprint changed";
        }

        return await RestoreAsync(target, decision, cancellationToken).ConfigureAwait(false) ?? decision with { Reason = reason };
    }

    /// <summary>
    /// For <c>--plan</c>: whether each incremental target of the plan would run and why, from what is on disk now,
    /// without restoring or recording anything. A target whose dependency will run first is decided only then.
    /// </summary>
    public IReadOnlyDictionary<Target, string> Preview(IEnumerable<Target> targets)
    {
        var notes = new Dictionary<Target, string>();
        var willRun = new HashSet<Target>();
        foreach (var target in targets.Where(t => t.IsIncremental))
        {
            string? reason;
            try
            {
                var state = _states.Read(target);
                var inputs = FileDigests.Compute(_root, FileSet.Match(_root, target.InputGlobs), state?.Inputs, state?.InputsTakenAt);
                var fingerprint = new Fingerprint(FactsOf(target, inputs.Digests));
                reason = force.Covers(target) ? "--force"
                    : state is null ? "no earlier run recorded"
                    : state.Fingerprint != fingerprint.Digest ? fingerprint.ChangesSince(state.Facts) ?? "its fingerprint changed"
                    : OutputProblem(state.Outputs, ReadOutputs(target, state.Outputs, state.OutputsTakenAt).Digests);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                reason = $"its inputs could not be read ({exception.Message})";
            }

            var changedFirst = target.Dependencies.Where(d => d.OutputGlobs.Count > 0 && willRun.Contains(d)).Select(d => d.Name).ToList();
            if (reason is null && changedFirst.Count == 0)
            {
                notes[target] = "up to date";
                continue;
            }

            willRun.Add(target);
            notes[target] = reason is not null
                ? $"runs: {reason}"
                : $"up to date unless {string.Join(" or ", changedFirst)} changes its outputs";
        }

        return notes;
    }

    /// <summary>Records a successful run of the body: its state here, and its result in the build cache.</summary>
    public async Task RecordAsync(Target target, IncrementalDecision decision, IReadOnlyList<string> printed, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            await RecordOrThrowAsync(target, decision, printed, duration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The body succeeded; only the record is missing, which costs the next run its up-to-date check.
            Console.Error.WriteLine($"warning: could not record the run of {target.Name} ({exception.Message}); it runs again next time.");
            _states.Forget(target);
        }
    }

    private async Task RecordOrThrowAsync(Target target, IncrementalDecision decision, IReadOnlyList<string> printed, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (decision.Fingerprint is not { } fingerprint)
        {
            return;
        }

        var outputs = FileDigests.Compute(_root, FileSet.Match(_root, target.OutputGlobs), null, null).Digests;
        var recordedAt = Now;
        var entry = new CacheEntry(
            target.Name,
            fingerprint.Digest,
            [.. outputs.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new CachedFile(o.Key, o.Value.Sha256, o.Value.Size, IsExecutable(o.Key)))],
            [.. printed.Select(run.Secrets.Apply)],
            [.. run.ClosingLinesOf(target).Select(run.Secrets.Apply)],
            [.. run.OutputsOf(target).Select(o => new KeyValuePair<string, string>(o.Key, run.Secrets.Apply(o.Value)))],
            recordedAt,
            duration);
        _states.Write(new TargetState(TargetState.CurrentFormat, target.Name, fingerprint.Digest, fingerprint.Facts, new(decision.Inputs), decision.InputsTakenAt, new(outputs), recordedAt, entry));
        _outputDigests[target] = DigestOf(outputs);
        if (target.CacheRefusal is null && _cache.Value is { } store)
        {
            await store.StoreAsync(entry, _root, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A failed or cancelled run leaves outputs that cannot be trusted: the next run runs the body again.</summary>
    public void Forget(Target target) => _states.Forget(target);

    /// <summary>
    /// Shows a reused result as the body would have: a line saying it is reused and from which run, what it printed,
    /// and its closing lines and CI outputs handed on again.
    /// </summary>
    public void Replay(Target target, IncrementalDecision decision)
    {
        var (reuse, entry) = (decision.Reuse!, decision.Replayed!);
        Console.Out.WriteLine($"({reuse.Outcome}: the output of its run of {reuse.RecordedAtText}, replayed)");
        foreach (var line in entry.OutputLines)
        {
            Console.Out.WriteLine(line);
        }

        foreach (var line in entry.ClosingLines)
        {
            run.WriteAtEnd(line);
        }

        foreach (var (name, value) in entry.Outputs)
        {
            run.SetOutput(name, value);
        }
    }

    private async Task<IncrementalDecision?> RestoreAsync(Target target, IncrementalDecision decision, CancellationToken cancellationToken)
    {
        var fingerprint = decision.Fingerprint!;
        if (target.CacheRefusal is not null || _cache.Value is not { } store || await store.TryRestoreAsync(fingerprint.Digest, _root, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        if (entry.Target != target.Name || entry.Fingerprint != fingerprint.Digest)
        {
            return null;
        }

        // What the restored run did not make must not linger as if it had (stale outputs of another branch, say).
        var restored = entry.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in FileSet.Match(_root, target.OutputGlobs).Where(p => !restored.Contains(p)))
        {
            File.Delete(Path.Combine(_root, stale));
        }

        var outputs = entry.Files.ToDictionary(
            f => f.Path,
            f => new FileDigest(f.Sha256, f.Size, File.GetLastWriteTimeUtc(Path.Combine(_root, f.Path)).Ticks),
            StringComparer.Ordinal);
        _states.Write(new TargetState(TargetState.CurrentFormat, target.Name, fingerprint.Digest, fingerprint.Facts, new(decision.Inputs), decision.InputsTakenAt, outputs, Now, entry));
        _outputDigests[target] = DigestOf(outputs);
        var reuse = new TargetReuse(ReuseKind.Restored, fingerprint.Digest, entry.RecordedAt);
        return decision with { Reason = $"restored from the build cache: {reuse.Evidence}", Reuse = reuse, Replayed = entry };
    }

    private Dictionary<string, string> FactsOf(Target target, IReadOnlyDictionary<string, FileDigest> inputs)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Fingerprint.TargetFact] = target.Name,
            [Fingerprint.ScriptFact] = run.Build.DefinitionDigest,
            [Fingerprint.SdkFact] = ToolVersions.Sdk,
            [Fingerprint.RunnerFact] = ToolVersions.Runner,
        };
        foreach (var (path, digest) in inputs)
        {
            facts[Fingerprint.InputPrefix + path] = digest.Sha256;
        }

        // A slice of a partitioned target (--partition 2/4) has a result of its own, which the whole must not reuse.
        if (target.PartitionCount > 1 && !run.Partition.IsWhole)
        {
            facts[Fingerprint.PartitionFact] = $"{run.Partition.Index}/{run.Partition.Count}";
        }

        foreach (var parameter in target.InputParameters)
        {
            var value = run.Parameters.Find(parameter)?.Value;
            facts[Fingerprint.ParameterPrefix + parameter.Name] = Fingerprint.DigestOf(Parameters.ParameterValueParser.Display(value, _root) ?? "(unset)");
        }

        foreach (var variable in target.InputVariables)
        {
            facts[Fingerprint.EnvironmentPrefix + variable] = Fingerprint.DigestOf(run.Channel.Environment[variable] ?? "(unset)");
        }

        foreach (var dependency in target.Dependencies.Where(d => d.OutputGlobs.Count > 0))
        {
            facts[Fingerprint.DependencyPrefix + dependency.Name] = _outputDigests.GetOrAdd(dependency, OutputsOnDisk);
        }

        return facts;
    }

    /// <summary>The digest of a target's outputs as they are now: for a dependency this run did not check (skipped, not incremental).</summary>
    private string OutputsOnDisk(Target target)
    {
        var state = _states.Read(target);
        return DigestOf(ReadOutputs(target, state?.Outputs, state?.OutputsTakenAt).Digests);
    }

    private DigestResult ReadOutputs(Target target, IReadOnlyDictionary<string, FileDigest>? hints, DateTimeOffset? takenAt) =>
        FileDigests.Compute(_root, FileSet.Match(_root, target.OutputGlobs), hints, takenAt);

    /// <summary>Null when every recorded output is there with its recorded content; else what is wrong, for the reason.</summary>
    private static string? OutputProblem(IReadOnlyDictionary<string, FileDigest> recorded, IReadOnlyDictionary<string, FileDigest> now)
    {
        foreach (var (path, digest) in recorded.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!now.TryGetValue(path, out var current))
            {
                return $"output {path} missing";
            }

            if (current.Sha256 != digest.Sha256)
            {
                return $"output {path} changed";
            }
        }

        return null;
    }

    private static string DigestOf(IReadOnlyDictionary<string, FileDigest> files) =>
        Fingerprint.DigestOf(string.Concat(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}\0{f.Value.Sha256}\n")));

    private bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path.Combine(_root, path)) & UnixFileMode.UserExecute) != 0;
}
