namespace Pipeline.Hosts.Vendors;

/// <summary>
/// Travis CI: fold markers for log groups and nothing else at run time; secure variables are masked and
/// artifacts uploaded (<c>deploy:</c>, the S3 addon) only as declared in <c>.travis.yml</c>.
/// </summary>
public sealed class TravisCi : CiHost
{
    private const char Escape = '\u001b';

    public override string Name => "travis";

    public override string DisplayName => "Travis CI";

    public override IReadOnlyDictionary<HostCapability, CapabilitySupport> Capabilities { get; } = Table(
        (HostCapability.Groups, CapabilitySupport.Runtime),
        (HostCapability.Annotations, CapabilitySupport.None),
        (HostCapability.Masking, CapabilitySupport.ConfigurationOnly),
        (HostCapability.JobSummary, CapabilitySupport.None),
        (HostCapability.Outputs, CapabilitySupport.None),
        (HostCapability.Artifacts, CapabilitySupport.ConfigurationOnly),
        (HostCapability.BuildNumber, CapabilitySupport.None),
        (HostCapability.Approvals, CapabilitySupport.None));

    public override bool IsPresent(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsTrue("TRAVIS");
    }

    // TRAVIS_BRANCH is the branch for a push, the *target* for a pull request and the *tag name* for a tag
    // build; TRAVIS_PULL_REQUEST is "false" or the number; TRAVIS_PULL_REQUEST_BRANCH is the source.
    // TRAVIS_COMMIT is the commit built (for a pull request, the merge commit Travis checks out).
    public override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pullRequest = environment["TRAVIS_PULL_REQUEST"] is { } number && number != "false"
            ? new PullRequest(number, environment["TRAVIS_PULL_REQUEST_BRANCH"], environment["TRAVIS_BRANCH"])
            : null;
        var tag = pullRequest is null ? environment["TRAVIS_TAG"] : null;
        var branch = pullRequest is not null ? pullRequest.SourceBranch : tag is null ? environment["TRAVIS_BRANCH"] : null;
        return new BuildIdentity
        {
            Host = Name,
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            Commit = environment["TRAVIS_COMMIT"],
            PullRequest = pullRequest,
            BuildNumber = environment["TRAVIS_BUILD_NUMBER"],
            BuildId = environment["TRAVIS_BUILD_ID"],
            BuildUrl = environment["TRAVIS_BUILD_WEB_URL"],
        };
    }

    // travis_fold:start:<name> … travis_fold:end:<name> is undocumented but is what travis-build itself prints
    // (followed by \r and a clear-line, so the marker is hidden and the rest of the line is the fold's header).
    public override IEnumerable<HostEffect> BeginGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"travis_fold:start:{HostText.SectionName(title)}\r{Escape}[0K{HostText.OneLine(title)}")];
    }

    public override IEnumerable<HostEffect> EndGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"travis_fold:end:{HostText.SectionName(title)}\r{Escape}[0K")];
    }
}
