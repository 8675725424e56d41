using Pipeline.CiGeneration;

namespace Pipeline.Definition;

public partial class Build
{
    // Made on first use: a run that declares no CI pays nothing at start-up for the lists of host kinds it holds
    // (generic code over an enum that ReadyToRun cannot carry, so it would be compiled on every start).
    private CiConfiguration? _ci;

    /// <summary>
    /// The CI configuration <c>./build.sh --generate-ci</c> writes from this script: hosts, triggers, jobs
    /// (README, "CI"). Declaring nothing here generates nothing.
    /// </summary>
    public CiConfiguration Ci => _ci ??= new();

    /// <summary>The script that declared this build, relative to <see cref="Root"/> (the runner sets it); what generated CI files name as their source.</summary>
    internal string ScriptPath { get; init; } = "build/build.csx";
}
