using Pipeline.CiGeneration;

namespace Pipeline.Definition;

public partial class Build
{
    /// <summary>
    /// The CI configuration <c>./build.sh --generate-ci</c> writes from this script: hosts, triggers, jobs
    /// (README, "CI"). Declaring nothing here generates nothing.
    /// </summary>
    public CiConfiguration Ci { get; } = new();
}
