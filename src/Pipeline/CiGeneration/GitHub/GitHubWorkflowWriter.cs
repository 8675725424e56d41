namespace Pipeline.CiGeneration.GitHub;

/// <summary>Placeholder until the writer lands: replaced whole by its owner.</summary>
internal sealed class GitHubWorkflowWriter : ICiFileWriter
{
    public CiHostKind Host => CiHostKind.GitHubActions;

    public string RelativePath => ".github/workflows/pipeline.yml";

    public string Write(CiPipeline pipeline) => throw new NotSupportedException("GitHubActions files are not generated yet.");

    public IReadOnlyList<string> Settings(CiPipeline pipeline) => [];
}
