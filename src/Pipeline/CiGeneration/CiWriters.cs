using Pipeline.CiGeneration.Azure;
using Pipeline.CiGeneration.GitHub;
using Pipeline.CiGeneration.GitLab;

namespace Pipeline.CiGeneration;

/// <summary>The writer of each host's file.</summary>
internal static class CiWriters
{
    public static ICiFileWriter For(CiHostKind host) => host switch
    {
        CiHostKind.GitHubActions => new GitHubWorkflowWriter(),
        CiHostKind.GitLab => new GitLabCiWriter(),
        CiHostKind.AzurePipelines => new AzurePipelinesWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(host), host, "No writer for this host."),
    };
}
