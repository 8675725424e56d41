using Pipeline.Hosts;
using Pipeline.Running;

namespace Pipeline;

// What a script asks of the run it is part of. The definition holds none of it: each member reaches the run
// executing on this flow (RunContext.Current), so nothing on Build changes when it runs.
public partial class Build
{
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
    public void SetOutput(string name, string value) => RunOf(nameof(SetOutput)).SetOutput(name, value);

    /// <summary>Publishes a file or folder as an artifact of the run where the host allows it at run time.</summary>
    public void PublishArtifact(string path) => RunOf(nameof(PublishArtifact)).PublishArtifact(path);

    /// <summary>Sets the run's build number (usually the version) where the host allows it.</summary>
    public void SetBuildNumber(string buildNumber) => RunOf(nameof(SetBuildNumber)).SetBuildNumber(buildNumber);

    /// <summary>
    /// Adds a line printed at the very end of the run, after the summary table: a result other tools
    /// read from the last lines (for example <c>Test: 12 passed, 0 failed</c>).
    /// </summary>
    public void WriteAtEnd(string line) => RunOf(nameof(WriteAtEnd)).WriteAtEnd(line);

    /// <summary>This build's run on the current flow; null while the script declares its targets.</summary>
    private RunContext? Run => RunContext.Current is { } run && ReferenceEquals(run.Build, this) ? run : null;

    private RunContext RunOf(string member) =>
        Run ?? throw new BuildDefinitionException($"{member} works while the build runs: call it in a target's body, not while declaring targets.");
}
