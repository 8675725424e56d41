using Pipeline.CiGeneration;

namespace Pipeline.Definition;

public partial class Build
{
    /// <summary>
    /// The CI configuration <c>./build.sh --generate-ci</c> writes from this script: hosts, triggers, jobs
    /// (README, "CI"). Declaring nothing here generates nothing.
    /// </summary>
    public CiConfiguration Ci { get; } = new();

    /// <summary>The script that declared this build, relative to <see cref="Root"/> (the runner sets it); what generated CI files name as their source.</summary>
    internal string ScriptPath { get; init; } = "build/build.csx";
}
