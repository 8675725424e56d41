namespace Pipeline.CiGeneration.GitLab;

/// <summary>Placeholder until the writer lands: replaced whole by its owner.</summary>
internal sealed class GitLabCiWriter : ICiFileWriter
{
    public CiHostKind Host => CiHostKind.GitLab;

    public string RelativePath => ".gitlab-ci.yml";

    public string Write(CiPipeline pipeline) => throw new NotSupportedException("GitLab files are not generated yet.");

    public IReadOnlyList<string> Settings(CiPipeline pipeline) => [];
}
