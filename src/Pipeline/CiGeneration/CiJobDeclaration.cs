namespace Pipeline.CiGeneration;

/// <summary>A job the script declared with <see cref="CiConfiguration.Job"/>.</summary>
public sealed class CiJobDeclaration
{
    private readonly Dictionary<CiHostKind, string> _images = [];

    internal CiJobDeclaration(string name, IReadOnlyList<Target> targets)
    {
        Name = name;
        Targets = targets;
    }

    /// <summary>The job's id in the generated files.</summary>
    public string Name { get; }

    internal IReadOnlyList<Target> Targets { get; }

    /// <summary>Runs this job on GitHub Actions' <paramref name="runsOn"/> label instead of the default.</summary>
    public CiJobDeclaration RunsOnGitHub(string runsOn) => Image(CiHostKind.GitHubActions, runsOn);

    /// <summary>Runs this job in the GitLab image <paramref name="image"/> instead of the default.</summary>
    public CiJobDeclaration RunsOnGitLab(string image) => Image(CiHostKind.GitLab, image);

    /// <summary>Runs this job on Azure's hosted <paramref name="vmImage"/> instead of the default.</summary>
    public CiJobDeclaration RunsOnAzure(string vmImage) => Image(CiHostKind.AzurePipelines, vmImage);

    internal string? ImageFor(CiHostKind host) => _images.GetValueOrDefault(host);

    internal static bool IsValidName(string name) =>
        name.Length <= 40 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private CiJobDeclaration Image(CiHostKind host, string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        DefinitionGuard.ThrowIfRunning($"CI job '{Name}'");
        _images[host] = image;
        return this;
    }
}
