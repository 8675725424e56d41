using System.Globalization;
using System.Text;
using static Pipeline.Hosts.HostCapability;

namespace Pipeline.Hosts.Vendors;

/// <summary>
/// TeamCity: service messages on standard output (<c>##teamcity[blockOpened …]</c>, <c>message</c>,
/// <c>setParameter</c>, <c>publishArtifacts</c>, <c>buildNumber</c>) with <c>|</c>-escaped values.
/// Syntax: https://www.jetbrains.com/help/teamcity/service-messages.html
/// </summary>
internal sealed class TeamCity() : CiHost(Description)
{
    internal static HostDescriptor Description { get; } = new()
    {
        Name = "teamcity",
        DisplayName = "TeamCity",

        // The agent sets TEAMCITY_VERSION and no CI variable.
        Detection = new() { AllOf = [VariableTest.IsSet("TEAMCITY_VERSION")] },

        // BUILD_URL is the environment variable for the build's page (predefined build parameters); what is
        // built is read from the parameter files in code (see ReadIdentity).
        Identity = new()
        {
            Commit = [new("BUILD_VCS_NUMBER")],
            BuildNumber = [new("BUILD_NUMBER")],
            BuildUrl = [new("BUILD_URL")],
        },

        // Masking: password parameters are masked, but there is no service message to add a value at run time.
        // Job summary: the closest are report tabs, configured from HTML artifacts. Approvals: the Build Approval
        // feature, configured per build configuration.
        Capabilities = CapabilityTable.Of(
            runtime: [Groups, Annotations, Outputs, Artifacts, BuildNumber],
            configurationOnly: [Masking, JobSummary, Approvals]),
    };

    // The branch and pull request are configuration parameters, not environment variables, so they are read
    // the way env-ci does: TEAMCITY_BUILD_PROPERTIES_FILE names the build properties file, whose
    // teamcity.configuration.properties.file names the file with every configuration parameter.
    // - teamcity.build.vcs.branch.<VCS root id> is the full ref (refs/heads/x, refs/tags/v1, refs/pull/42/head);
    //   the Git_Branch variable that GitVersion and Cake ask users to map from it is read first.
    // - teamcity.build.branch is the logical name ("main", "pull/42", "<default>"), used when no full ref is known.
    // - teamcity.pullRequest.number / .source.branch / .target.branch come from the Pull Requests build feature.
    //   The help page for that feature did not show them in the excerpts searched; JetBrains' own plugin code and
    //   many public build configurations use these names (checked with the search tool).
    // The build id is the teamcity.build.id property.
    internal override BuildIdentity ReadIdentity(HostEnvironment environment)
    {
        var identity = base.ReadIdentity(environment);
        var properties = ReadProperties(environment);
        var get = (string key) => properties.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var vcsBranches = properties.Where(p => p.Key.StartsWith("teamcity.build.vcs.branch.", StringComparison.Ordinal) && p.Value.Length > 0)
            .Select(p => p.Value).Distinct(StringComparer.Ordinal).ToList();
        var fullRef = environment["Git_Branch"] ?? (vcsBranches.Count == 1 ? vcsBranches[0] : null);
        var logical = get("teamcity.build.branch") is { } name && name != "<default>" ? name : null;

        var number = get("teamcity.pullRequest.number") ?? Refs.PullRequestNumber(fullRef);
        var pullRequest = number is not null
            ? new PullRequest(number, Refs.BranchName(get("teamcity.pullRequest.source.branch")), Refs.BranchName(get("teamcity.pullRequest.target.branch")))
            : null;
        var tag = pullRequest is null ? Refs.TagName(fullRef) : null;
        var branch = pullRequest is not null
            ? pullRequest.SourceBranch
            : tag is null ? (fullRef is not null ? Refs.BranchName(fullRef) : logical) : null;
        return identity with
        {
            Ref = Refs.Compose(branch, tag, pullRequest?.Number),
            Branch = branch,
            Tag = tag,
            PullRequest = pullRequest,
            BuildId = get("teamcity.build.id"),
        };
    }

    internal override IEnumerable<HostEffect> BeginGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"##teamcity[blockOpened name='{Escape(title)}']")];
    }

    internal override IEnumerable<HostEffect> EndGroup(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return [new PrintLine($"##teamcity[blockClosed name='{Escape(title)}']")];
    }

    // A message with status ERROR or WARNING, not buildProblem: a build problem fails the TeamCity build by
    // itself, whatever Pipeline's exit code says (a failure in a target allowed to fail would fail the whole
    // build), while an ERROR message is shown in red and only fails the build if the configuration asks for it
    // ("Fail build if an error message is logged by build runner"). The exit code stays the one verdict.
    // Messages have no file or line fields, so the location leads the text.
    internal override IEnumerable<HostEffect> Annotate(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var status = annotation.Level == AnnotationLevel.Error ? "ERROR" : "WARNING";
        return [new PrintLine($"##teamcity[message text='{Escape(HostText.Describe(annotation, withLocation: true))}' status='{status}']")];
    }

    // env.K reaches later steps as an environment variable; dependent builds read it as dep.<build id>.env.K.
    internal override IEnumerable<HostEffect> SetOutputs(IReadOnlyList<KeyValuePair<string, string>> outputs, HostEnvironment environment) =>
        [.. (outputs ?? []).Select(o => new PrintLine($"##teamcity[setParameter name='env.{Escape(o.Key)}' value='{Escape(o.Value)}']"))];

    internal override IEnumerable<HostEffect> PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return [new PrintLine($"##teamcity[publishArtifacts '{Escape(path)}']")];
    }

    internal override IEnumerable<HostEffect> SetBuildNumber(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return [new PrintLine($"##teamcity[buildNumber '{Escape(version)}']")];
    }

    /// <summary>Escapes a service message value: <c>|</c> is the escape character for <c>' \n \r | [ ]</c>, and <c>|0xNNNN</c> for other line separators.</summary>
    internal static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '|' => builder.Append("||"),
                '\'' => builder.Append("|'"),
                '\n' => builder.Append("|n"),
                '\r' => builder.Append("|r"),
                '[' => builder.Append("|["),
                ']' => builder.Append("|]"),
                '\u0085' or '\u2028' or '\u2029' => builder.Append(CultureInfo.InvariantCulture, $"|0x{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>The build properties, then the configuration parameters they point to (the first file wins for a key).</summary>
    private static Dictionary<string, string> ReadProperties(HostEnvironment environment)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environment["TEAMCITY_BUILD_PROPERTIES_FILE"] is not { } buildFile)
        {
            return properties;
        }

        Merge(properties, JavaProperties.Read(buildFile));
        if (properties.TryGetValue("teamcity.configuration.properties.file", out var configurationFile))
        {
            Merge(properties, JavaProperties.Read(configurationFile));
        }

        return properties;
    }

    private static void Merge(Dictionary<string, string> into, IReadOnlyDictionary<string, string> from)
    {
        foreach (var (key, value) in from)
        {
            into.TryAdd(key, value);
        }
    }
}
