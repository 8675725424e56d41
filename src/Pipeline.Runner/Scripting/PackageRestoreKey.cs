using System.IO.Hashing;
using System.Text;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// What a restore of a script's packages depends on, so what its cached result is keyed on: the package set
/// (<see cref="ScriptPackage.Normalise"/>), the content of the NuGet configuration that resolves it, the target
/// framework and platform, and the project the runner restores with. Not the script's text: an edit that keeps
/// the <c>#r "nuget: ..."</c> lines keeps the key. Plain lines, so a stored result can say what it was made for.
/// </summary>
internal sealed record PackageRestoreKey(string Text)
{
    private const string Header = "pipeline-packages 1";

    /// <param name="project">The restore project without packages: stands for everything else the runner asks of NuGet.</param>
    public static PackageRestoreKey Create(
        IEnumerable<ScriptPackage> packages,
        NuGetConfiguration configuration,
        string targetFramework,
        string runtimeIdentifier,
        string project)
    {
        var text = new StringBuilder().Append(Header).Append('\n')
            .Append($"target {targetFramework} {runtimeIdentifier}\n")
            .Append($"project {ContentHash.Of(Encoding.UTF8.GetBytes(project))}\n");
        foreach (var package in ScriptPackage.Normalise(packages))
        {
            text.Append($"package {package.Identity}\n");
        }

        text.Append(configuration.ConfigFile is null ? "config none: NuGet's own lookup\n" : "config given\n");
        foreach (var file in configuration.Files)
        {
            text.Append($"config-file {Fingerprint(file)} {file}\n");
        }

        return new PackageRestoreKey(text.ToString());
    }

    /// <summary>Names the key's folder in the cache.</summary>
    public string Hash => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(Text)));

    private static string Fingerprint(string file)
    {
        try
        {
            return File.Exists(file) ? ContentHash.Of(file) : "absent";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The restore cannot read it either and will say so; a later readable file is a new key.
            return "unreadable";
        }
    }
}
