using NuGet.Versioning;
using Pipeline.Versioning;

namespace Pipeline.Definition;

public partial class Build
{
    /// <summary>
    /// The version of the commit being built, from git tags (see <see cref="GitVersion"/>): <c>1.4.2</c> on a
    /// tagged commit, <c>1.4.3-alpha.0.5</c> five commits later. Calculated once per run.
    /// </summary>
    public SemanticVersion Version => Run?.Version ?? RunContext.CalculateVersion(Root).Version;
}
