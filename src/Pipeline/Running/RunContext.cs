using NuGet.Versioning;
using Pipeline.Delivery;
using Pipeline.Execution;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;
using Pipeline.Output;
using Pipeline.Secrets;
using Pipeline.Versioning;

namespace Pipeline.Running;

/// <summary>
/// One invocation of a build: its host and identity, version, clock, secrets, console, the values it hands
/// to later steps and the lines it prints last. The <see cref="Build"/> it runs is only the definition and
/// never changes; everything that belongs to one run is here, so two runs never share it.
/// Target bodies receive it (<c>Executes((run, ct) =&gt; …)</c>); the script's own members
/// (<see cref="Build.Version"/>, <see cref="Build.SetOutput"/>, …) reach it through <see cref="Current"/>.
/// </summary>
public sealed class RunContext
{
    // The run whose code is executing on this async flow: the bridge from a script's globals and Pipeline's
    // static helpers (Cmd, DotNet) to their run. Flow-scoped, so runs side by side in one process stay apart.
    private static readonly AsyncLocal<RunContext?> Ambient = new();

    private readonly List<KeyValuePair<string, string>> _outputs;
    private readonly List<string> _closingLines;
    private readonly List<(Target Target, string Line)> _closingLinesOfTargets = [];
    private readonly List<(Target Target, string Name, string Value)> _outputsOfTargets = [];
    private readonly Lazy<GitVersionResult> _version;
    private readonly Lazy<BuildIdentity> _identity;

    internal RunContext(Build build, HostChannel channel, SecretMasker secrets, CurrentTarget currentTarget, TimeProvider time, ParameterValues parameters)
    {
        Build = build;
        Parameters = parameters;
        _outputs = [.. build.DeclaredOutputs];
        _closingLines = [.. build.DeclaredClosingLines];
        Channel = channel;
        Secrets = secrets;
        CurrentTarget = currentTarget;
        Time = time;
        _version = new Lazy<GitVersionResult>(() => CalculateVersion(build.Root));
        _identity = new Lazy<BuildIdentity>(() => ReadIdentity(channel.Host, channel.Environment, build.Root));
    }

    /// <summary>The run executing on this async flow, or null outside a run (while a script declares its targets).</summary>
    internal static RunContext? Current => Ambient.Value;

    /// <summary>The definition being run.</summary>
    public Build Build { get; }

    /// <summary>The repository root: paths in the script resolve against it.</summary>
    public AbsolutePath Root => Build.Root;

    /// <summary>Where the user typed the command: relative paths given on the command line resolve against it.</summary>
    public AbsolutePath InvocationDirectory => Build.InvocationDirectory;

    /// <summary>The CI host running this build (detected, or named by <c>--host</c>); <c>local</c> on a developer's machine.</summary>
    public CiHost Host => Channel.Host;

    /// <summary>What is being built, normalised across hosts; what the host does not say comes from git. Read on first use.</summary>
    public BuildIdentity Identity => _identity.Value;

    /// <summary>The version of the commit being built, from git tags; calculated on first use.</summary>
    public SemanticVersion Version => _version.Value.Version;

    /// <summary>The run's clock: what approvals, freezes and records are judged against.</summary>
    public TimeProvider Time { get; }

    /// <summary>The value of every parameter in this run.</summary>
    internal ParameterValues Parameters { get; }

    /// <summary>Every secret value of this run; whatever the run prints passes through it.</summary>
    internal SecretMasker Secrets { get; }

    internal HostChannel Channel { get; }

    /// <summary>The target whose body runs on the current async flow, for labelling its output.</summary>
    internal CurrentTarget CurrentTarget { get; }

    internal PipelineConsole? Console { get; init; }

    /// <summary>Offsets from the start of the run, and the child processes its targets started (for the report and the trace).</summary>
    internal RunTimeline Timeline { get; } = new();

    /// <summary>What the bodies of incremental targets print, kept to be replayed when their result is reused.</summary>
    internal Incremental.OutputCapture Capture { get; init; } = new();

    /// <summary>What this run's deployments need: the request, the records store, the candidates; null before the plan is known.</summary>
    internal DeliveryRun? Delivery { get; set; }

    /// <summary>The slice of its partitioned targets this run executes (<c>--partition i/n</c>); the whole when none was asked for.</summary>
    internal PartitionSlice Partition { get; set; } = PartitionSlice.Whole;

    /// <summary>Values handed to later CI steps, kept in order of setting.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Outputs
    {
        get
        {
            lock (_outputs)
            {
                return [.. _outputs];
            }
        }
    }

    /// <summary>Lines printed at the very end of the run, after the summary table.</summary>
    internal IReadOnlyList<string> ClosingLines
    {
        get
        {
            lock (_closingLines)
            {
                return [.. _closingLines];
            }
        }
    }

    /// <summary>Registers a value that must never be printed, here or by the CI host.</summary>
    public void RegisterSecret(string? value) => Secrets.Register(value);

    /// <summary>
    /// Hands a value to later steps or jobs: through the host's mechanism where it has one at run time, and
    /// always in <c>artifacts/outputs.env</c>.
    /// </summary>
    public void SetOutput(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (Secrets.Apply(value) != value)
        {
            System.Console.Error.WriteLine($"warning: output '{name}' contains a secret, which is masked wherever it is written; later steps will not see the value.");
        }

        lock (_outputs)
        {
            _outputs.RemoveAll(o => o.Key == name);
            _outputs.Add(new(name, value));
            if (CurrentTarget.Value is { } target)
            {
                _outputsOfTargets.Add((target, name, value));
            }
        }

        Channel.Apply(Channel.Host.SetOutputs([new(name, value)], Channel.Environment));
    }

    /// <summary>Publishes a file or folder as an artifact of the run where the host allows it at run time.</summary>
    public void PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Channel.Apply(Channel.Host.PublishArtifact(Path.GetFullPath(path, Root)));
    }

    /// <summary>Sets the run's build number (usually the version) where the host allows it.</summary>
    public void SetBuildNumber(string buildNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buildNumber);
        Channel.Apply(Channel.Host.SetBuildNumber(buildNumber));
    }

    /// <summary>
    /// Adds a line printed at the very end of the run, after the summary table: a result other tools
    /// read from the last lines (for example <c>Test: 12 passed, 0 failed</c>).
    /// </summary>
    public void WriteAtEnd(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_closingLines)
        {
            _closingLines.Add(line);
            if (CurrentTarget.Value is { } target)
            {
                _closingLinesOfTargets.Add((target, line));
            }
        }
    }

    /// <summary>The closing lines <paramref name="target"/>'s body wrote, in order (what a partition's result file keeps).</summary>
    internal IReadOnlyList<string> ClosingLinesOf(Target target)
    {
        lock (_closingLines)
        {
            return [.. _closingLinesOfTargets.Where(l => ReferenceEquals(l.Target, target)).Select(l => l.Line)];
        }
    }

    /// <summary>The CI outputs <paramref name="target"/>'s body set, in order (what a reused result hands on again).</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> OutputsOf(Target target)
    {
        lock (_outputs)
        {
            return [.. _outputsOfTargets.Where(o => ReferenceEquals(o.Target, target)).Select(o => new KeyValuePair<string, string>(o.Name, o.Value))];
        }
    }

    /// <summary>The text masked by the run on this flow, for helpers a script calls without its run (Cmd, DotNet, deployers).</summary>
    internal static string MaskInCurrentRun(string text) => Current?.Secrets.Apply(text) ?? text;

    /// <summary>Makes this the run of the current async flow until the scope is disposed.</summary>
    internal IDisposable Enter()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Scope(() => Ambient.Value = previous);
    }

    /// <summary>The version, warning once (on standard error) when the history it comes from is incomplete.</summary>
    internal static GitVersionResult CalculateVersion(AbsolutePath root)
    {
        var result = GitVersion.Calculate(root);
        if (result.Warning is { } warning)
        {
            System.Console.Error.WriteLine($"warning: version {result.Version}: {warning}.");
        }

        return result;
    }

    internal static BuildIdentity ReadIdentity(CiHost host, HostEnvironment environment, AbsolutePath root)
    {
        var fromHost = host.ReadIdentity(environment) with { IsLocal = host is LocalHost };
        return GitIdentity.Complete(fromHost, root);
    }

    private sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
