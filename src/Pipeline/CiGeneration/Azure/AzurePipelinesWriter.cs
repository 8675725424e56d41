namespace Pipeline.CiGeneration.Azure;

/// <summary>Placeholder until the writer lands: replaced whole by its owner.</summary>
internal sealed class AzurePipelinesWriter : ICiFileWriter
{
    public CiHostKind Host => CiHostKind.AzurePipelines;

    public string RelativePath => "azure-pipelines.yml";

    public string Write(CiPipeline pipeline) => throw new NotSupportedException("AzurePipelines files are not generated yet.");

    public IReadOnlyList<string> Settings(CiPipeline pipeline) => [];
}
