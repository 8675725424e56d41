using NuGet.Versioning;
using Pipeline.Versioning;

namespace Pipeline;

public partial class Build
{
    private GitVersionResult? _version;

    /// <summary>
    /// The version of the commit being built, from git tags (see <see cref="GitVersion"/>): <c>1.4.2</c> on a
    /// tagged commit, <c>1.4.3-alpha.0.5</c> five commits later. Calculated on first use.
    /// </summary>
    public SemanticVersion Version
    {
        get
        {
            if (_version is null)
            {
                _version = GitVersion.Calculate(Root);
                if (_version.Warning is { } warning)
                {
                    Console.Error.WriteLine($"warning: version {_version.Version}: {warning}.");
                }
            }

            return _version.Version;
        }
    }
}
