using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// AppVeyor: the build worker's <c>appveyor</c> command (compilation messages, build variables, artifacts,
/// the build version). Syntax: https://www.appveyor.com/docs/build-worker-api ("Options are similar to
/// PowerShell cmdlet parameters": <c>-Category</c>, <c>-FileName</c>, <c>-Line</c>, <c>-Column</c>, <c>-Name</c>, <c>-Value</c>, <c>-Version</c>).
/// </summary>
internal sealed class AppVeyor() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "appveyor",
        DisplayName = "AppVeyor",

        // APPVEYOR is "True" on Windows images and "true" on Ubuntu ones.
        Detection = new() { AllOf = [VariableTest.IsTrue("APPVEYOR")] },

        // APPVEYOR_REPO_BRANCH is the base branch for a pull request (the source is
        // APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH) and holds the tag name in a tag build; APPVEYOR_REPO_TAG says
        // True/true. The run's page is read in code (see ReadIdentity).
        Identity = new()
        {
            PullRequest = [new("APPVEYOR_PULL_REQUEST_NUMBER")],
            SourceBranch = [new("APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH")],
            TargetBranch = [new("APPVEYOR_REPO_BRANCH")],
            Tag = [new("APPVEYOR_REPO_TAG_NAME") { OnlyWhenTrue = "APPVEYOR_REPO_TAG" }],
            Branch = [new("APPVEYOR_REPO_BRANCH")],
            Commit = [new("APPVEYOR_REPO_COMMIT")],
            BuildNumber = [new("APPVEYOR_BUILD_NUMBER")],
            BuildId = [new("APPVEYOR_BUILD_ID")],
        },

        // Masking: secure variables are masked, as declared in the project; there is no command to add a value.
        // The Messages tab is not a rendered summary, and AppVeyor has no log groups or deployment approvals.
        Capabilities = CapabilityTable.Of(runtime: [Annotations, Outputs, Artifacts, BuildNumber], configurationOnly: [Masking]),
    };

    // The run's page is built from its parts with the build id, which, unlike the version, does not change when
    // the build updates its version; APPVEYOR_URL is unset on older workers, where the hosted service's address is used.
    internal override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        var identity = base.ReadIdentity(environment);
        var server = (environment["APPVEYOR_URL"] ?? "https://ci.appveyor.com").TrimEnd('/');
        return environment["APPVEYOR_ACCOUNT_NAME"] is { } account && environment["APPVEYOR_PROJECT_SLUG"] is { } project && identity.BuildId is { } buildId
            ? identity with { BuildUrl = $"{server}/project/{account}/{project}/builds/{buildId}" }
            : identity;
    }

    // appveyor AddCompilationMessage <message> -Category Error|Warning [-FileName F] [-Line L] [-Column C];
    // the title leads the message, which has no title of its own.
    internal override IEnumerable<HostEffect> Annotate(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        string[] arguments =
        [
            "AddCompilationMessage",
            HostText.Describe(annotation, withLocation: false),
            "-Category",
            annotation.Level == AnnotationLevel.Error ? "Error" : "Warning",
            .. HostText.Location(annotation, "-FileName", "-Line", "-Column").SelectMany(p => new[] { p.Key, p.Value }),
        ];
        return [new RunCommand("appveyor", arguments)];
    }

    // appveyor SetVariable -Name <string> -Value <string>: an environment variable for the rest of the build.
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        [.. (outputs ?? []).Select(o => new RunCommand("appveyor", ["SetVariable", "-Name", o.Key, "-Value", o.Value]))];

    internal override IEnumerable<HostEffect> PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return [new RunCommand("appveyor", ["PushArtifact", path])];
    }

    // appveyor UpdateBuild -Version <v>. AppVeyor requires the version to be unique within the project, so a
    // re-run of the same commit should carry the build number in it (the docs' own warning).
    internal override IEnumerable<HostEffect> SetBuildNumber(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return [new RunCommand("appveyor", ["UpdateBuild", "-Version", version])];
    }
}
