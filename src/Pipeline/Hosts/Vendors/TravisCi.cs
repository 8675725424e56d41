using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Travis CI: fold markers for log groups and nothing else at run time; secure variables are masked and
/// artifacts uploaded (<c>deploy:</c>, the S3 addon) only as declared in <c>.travis.yml</c>.
/// </summary>
internal sealed class TravisCi() : CiHost(Description)
{
    private const char Escape = '\u001b';

    internal static HostDescriptor Description { get; } = new()
    {
        Name = "travis",
        DisplayName = "Travis CI",
        Detection = new() { AllOf = [VariableTest.IsTrue("TRAVIS")] },

        // TRAVIS_BRANCH is the branch for a push, the *target* for a pull request and the *tag name* for a tag
        // build; TRAVIS_PULL_REQUEST is "false" or the number; TRAVIS_PULL_REQUEST_BRANCH is the source.
        // TRAVIS_COMMIT is the commit built (for a pull request, the merge commit Travis checks out).
        Identity = new()
        {
            PullRequest = [new("TRAVIS_PULL_REQUEST", ValueForm.UnlessFalse)],
            SourceBranch = [new("TRAVIS_PULL_REQUEST_BRANCH")],
            TargetBranch = [new("TRAVIS_BRANCH")],
            Tag = [new("TRAVIS_TAG")],
            Branch = [new("TRAVIS_BRANCH")],
            Commit = [new("TRAVIS_COMMIT")],
            BuildNumber = [new("TRAVIS_BUILD_NUMBER")],
            BuildId = [new("TRAVIS_BUILD_ID")],
            BuildUrl = [new("TRAVIS_BUILD_WEB_URL")],
        },
        Capabilities = CapabilityTable.Of(runtime: [Groups], configurationOnly: [Masking, Artifacts]),
    };

    // travis_fold:start:<name> … travis_fold:end:<name> is undocumented but is what travis-build itself prints
    // (followed by \r and a clear-line, so the marker is hidden and the rest of the line is the fold's header).
    internal override IEnumerable<HostEffect> BeginGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"travis_fold:start:{HostText.SectionName(title)}\r{Escape}[0K{HostText.OneLine(title)}")];
    }

    internal override IEnumerable<HostEffect> EndGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"travis_fold:end:{HostText.SectionName(title)}\r{Escape}[0K")];
    }
}
