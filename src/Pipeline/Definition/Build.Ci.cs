using Pipeline.Hosts;

namespace Pipeline.Definition;

// What a script asks of the run it is part of. In a target's body each member reaches the run executing on
// this flow (RunContext.Current), so nothing on Build changes when it runs. Called while the script declares
// its targets, an output or closing line is part of the definition: every run starts with it.
public partial class Build
{
    private readonly List<KeyValuePair<string, string>> _declaredOutputs = [];
    private readonly List<string> _declaredClosingLines = [];

    /// <summary>Outputs set while the script declared its targets, in order.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> DeclaredOutputs => _declaredOutputs;

    /// <summary>Closing lines added while the script declared its targets, in order.</summary>
    internal IReadOnlyList<string> DeclaredClosingLines => _declaredClosingLines;

    /// <summary>The CI host running this build (detected, or named by <c>--host</c>); <c>local</c> on a developer's machine.</summary>
    public CiHost Host => Run?.Host ?? HostDetector.Detect(HostEnvironment.Process);

    /// <summary>
    /// What is being built, normalised across hosts: ref, branch, tag, commit, pull request, build number,
    /// id and URL. What the host does not say comes from git. Read on first use in a run.
    /// </summary>
    public BuildIdentity Identity => Run?.Identity ?? RunContext.ReadIdentity(Host, HostEnvironment.Process, Root);

    /// <summary>
    /// Hands a value to later steps or jobs: through the host's mechanism where it has one at run time, and
    /// always in <c>artifacts/outputs.env</c>.
    /// </summary>
    public void SetOutput(string name, string value)
    {
        if (Run is { } run)
        {
            run.SetOutput(name, value);
            return;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        DefinitionGuard.ThrowIfRunning($"Output '{name}'");
        _declaredOutputs.RemoveAll(o => o.Key == name);
        _declaredOutputs.Add(new(name, value));
    }

    /// <summary>Publishes a file or folder as an artifact of the run where the host allows it at run time (in a target's body).</summary>
    public void PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Run?.PublishArtifact(path);
    }

    /// <summary>Sets the run's build number (usually the version) where the host allows it at run time (in a target's body).</summary>
    public void SetBuildNumber(string buildNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buildNumber);
        Run?.SetBuildNumber(buildNumber);
    }

    /// <summary>
    /// Adds a line printed at the very end of the run, after the summary table: a result other tools
    /// read from the last lines (for example <c>Test: 12 passed, 0 failed</c>).
    /// </summary>
    public void WriteAtEnd(string line)
    {
        if (Run is { } run)
        {
            run.WriteAtEnd(line);
            return;
        }

        ArgumentNullException.ThrowIfNull(line);
        DefinitionGuard.ThrowIfRunning("A closing line");
        _declaredClosingLines.Add(line);
    }

    /// <summary>This build's run on the current flow; null while the script declares its targets.</summary>
    private RunContext? Run => RunContext.Current is { } run && ReferenceEquals(run.Build, this) ? run : null;
}
