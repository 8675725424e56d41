using System.Text;
using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// CircleCI: no log protocol (each <c>run</c> step of the config is its own section); values for later steps
/// of the same job through <c>$BASH_ENV</c>. Masked project variables, workspaces and <c>store_artifacts</c>,
/// and <c>type: approval</c> jobs are declared in <c>.circleci/config.yml</c>.
/// </summary>
internal sealed class CircleCi() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "circleci",
        DisplayName = "CircleCI",
        Detection = new() { AllOf = [VariableTest.IsTrue("CIRCLECI")] },

        // CIRCLE_BRANCH is unset for a tag (CIRCLE_TAG). A pull request shows only as CIRCLE_PULL_REQUEST, its URL
        // (…/pull/42, or …/merge_requests/42), or CIRCLE_PR_NUMBER on forked pull requests; the target branch is
        // not given. CIRCLE_BUILD_NUM and CIRCLE_BUILD_URL are the *job's*; the pipeline number exists only as
        // << pipeline.number >> in the config. The workflow id identifies the run.
        Identity = new()
        {
            PullRequest = [new("CIRCLE_PR_NUMBER"), new("CIRCLE_PULL_REQUEST", ValueForm.NumberAtEndOfUrl)],
            SourceBranch = [new("CIRCLE_BRANCH")],
            Tag = [new("CIRCLE_TAG")],
            Branch = [new("CIRCLE_BRANCH")],
            Commit = [new("CIRCLE_SHA1")],
            BuildNumber = [new("CIRCLE_BUILD_NUM")],
            BuildId = [new("CIRCLE_WORKFLOW_ID")],
            BuildUrl = [new("CIRCLE_BUILD_URL")],
        },
        Capabilities = CapabilityTable.Of(runtime: [Outputs], configurationOnly: [Groups, Masking, Artifacts, Approvals]),
        ActorVariables = ["CIRCLE_USERNAME"],
        TriggeringActorVariables = ["CIRCLE_USERNAME"],
    };

    // `export NAME='value'` lines appended to $BASH_ENV, which CircleCI sources before each later step of the
    // job (values for other jobs need a workspace, declared in the config). Names that are not shell variable
    // names are left out: one would break every later step's shell.
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment)
    {
        if (environment?["BASH_ENV"] is not { } path || outputs is null)
        {
            return [];
        }

        var text = new StringBuilder();
        foreach (var (name, value) in outputs.Where(o => DotEnv.IsVariableName(o.Key)))
        {
            text.Append("export ").Append(name).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        return text.Length > 0 ? [new AppendToFile(path, text.ToString())] : [];
    }
}
