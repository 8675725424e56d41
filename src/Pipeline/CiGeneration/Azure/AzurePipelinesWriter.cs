using YamlDotNet.RepresentationModel;
using static Pipeline.CiGeneration.CiYaml;

namespace Pipeline.CiGeneration.Azure;

/// <summary>
/// <c>azure-pipelines.yml</c>: the triggers, the NuGet cache folder, and one stage per job of the pipeline, with
/// <c>dependsOn</c> following its needs; only the production job is a deployment job in an Azure environment.
/// </summary>
internal sealed class AzurePipelinesWriter : ICiFileWriter
{
    public CiHostKind Host => CiHostKind.AzurePipelines;

    public string RelativePath => "azure-pipelines.yml";

    public string Write(CiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        (string, YamlNode?)[] entries =
        [
            .. AzureTriggers.Entries(pipeline),

            // Restores go to a folder the Cache@2 step saves and restores.
            ("variables", Map((AzureNames.NuGetPackages, Scalar("$(Pipeline.Workspace)/.nuget/packages")))),
            ("stages", Seq(pipeline.Jobs.Select(job => AzureStages.Stage(pipeline, job)))),
        ];
        var settings = Settings(pipeline);
        return CiYaml.Write(
            Map(entries),
            [.. CiText.Header(pipeline), .. settings.Count == 0 ? [] : new[] { string.Empty, "Settings to apply in Azure DevOps (YAML cannot express them):" }, .. settings.Select(s => $"- {s}")]);
    }

    public IReadOnlyList<string> Settings(CiPipeline pipeline) => AzureSettings.Lines(pipeline);
}
