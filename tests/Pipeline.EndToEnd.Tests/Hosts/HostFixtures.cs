using System.Collections;
using Pipeline.Hosts;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// What one CI host's job environment looks like for the tests: its variables for a push build of
/// <c>main</c> (with every file the host reads pointed inside the temporary repository) and which of the
/// repository's files the host reads after the step. <c>{repo}</c> in a value is the repository's root.
/// </summary>
internal sealed record HostFixture(string Host, IReadOnlyDictionary<string, string> Variables, IReadOnlyDictionary<string, string> FilesRead);

internal static class HostFixtures
{
    /// <summary>The commit every fixture says is being built.</summary>
    public const string Commit = "4f1c2b7e9a0d3c5b6a8f7e1d2c3b4a5f6e7d8c9b";

    /// <summary>A pull request's merge commit, for <see cref="GitHubPullRequest"/>.</summary>
    public const string MergeCommit = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";

    private const string GitHubStepSummary = ".ci-host/github-step-summary.md";
    private const string GitHubOutput = ".ci-host/github-output";

    // Exact names, then prefixes, of variables that say something about a CI host: inherited ones are
    // removed so the machine running the tests (itself maybe a CI job) never leaks into a fixture.
    private static readonly HashSet<string> HostVariables = new(StringComparer.Ordinal)
    {
        "CI", "BASH_ENV", "WORKSPACE", "BRANCH_NAME", "TAG_NAME", "CHANGE_ID", "CHANGE_BRANCH", "CHANGE_TARGET", "Git_Branch",
        "TRAVIS", "APPVEYOR", "CIRCLECI", "BUILDKITE", "DRONE",
    };

    private static readonly string[] HostVariablePrefixes =
    [
        "GITHUB_", "GITEA_", "FORGEJO_", "GITLAB_", "CI_", "TF_", "BUILD_", "SYSTEM_", "AGENT_", "TEAMCITY_", "bamboo_",
        "JENKINS_", "GIT_", "TRAVIS_", "APPVEYOR_", "BITBUCKET_", "CIRCLE_", "BUILDKITE_", "DRONE_", "RUNNER_",
    ];

    private static readonly Dictionary<string, HostFixture> ByHost = new HostFixture[]
    {
        // Gitea's and Forgejo's runners set GITHUB_STEP_SUMMARY too, but render no job summary: Pipeline writes none there.
        GitHubLike("forgejo", "https://forgejo.example", rendersSummary: false, ("GITEA_ACTIONS", "true"), ("FORGEJO_ACTIONS", "true")),
        GitHubLike("gitea", "https://gitea.example", rendersSummary: false, ("GITEA_ACTIONS", "true")),
        GitHubLike("github-actions", "https://github.com", rendersSummary: true),
        new(
            "gitlab",
            Variables(
                ("CI", "true"), ("GITLAB_CI", "true"), ("CI_COMMIT_BRANCH", "main"), ("CI_COMMIT_REF_NAME", "main"), ("CI_COMMIT_SHA", Commit),
                ("CI_PIPELINE_IID", "42"), ("CI_PIPELINE_ID", "1234567"), ("CI_PIPELINE_URL", "https://gitlab.example/acme/app/-/pipelines/1234567"),
                ("CI_PROJECT_DIR", "{repo}")),
            Files(("artifacts/pipeline.env", "the dotenv report under $CI_PROJECT_DIR"))),
        new(
            "azure-pipelines",
            Variables(
                ("TF_BUILD", "True"), ("BUILD_REASON", "IndividualCI"), ("BUILD_SOURCEBRANCH", "refs/heads/main"), ("BUILD_SOURCEVERSION", Commit),
                ("BUILD_BUILDNUMBER", "20250101.3"), ("BUILD_BUILDID", "1234"), ("SYSTEM_COLLECTIONURI", "https://dev.azure.com/acme/"),
                ("SYSTEM_TEAMPROJECT", "App"), ("BUILD_SOURCESDIRECTORY", "{repo}")),
            Files()),
        new(
            "teamcity",
            Variables(("TEAMCITY_VERSION", "2025.03"), ("Git_Branch", "refs/heads/main"), ("BUILD_VCS_NUMBER", Commit), ("BUILD_NUMBER", "42"), ("BUILD_URL", "https://teamcity.example/viewLog.html?buildId=1234")),
            Files()),
        new(
            "bamboo",
            Variables(
                ("bamboo_agentId", "131073"), ("bamboo_planKey", "APP-BUILD"), ("bamboo_planRepository_branchName", "main"),
                ("bamboo_planRepository_revision", Commit), ("bamboo_buildNumber", "42"), ("bamboo_buildResultKey", "APP-BUILD-42"),
                ("bamboo_buildResultsUrl", "https://bamboo.example/browse/APP-BUILD-42"), ("bamboo_build_working_directory", "{repo}")),
            Files()),
        new(
            "jenkins",
            Variables(
                ("CI", "true"), ("JENKINS_URL", "https://jenkins.example/"), ("BUILD_ID", "42"), ("BUILD_NUMBER", "42"), ("BRANCH_NAME", "main"),
                ("GIT_COMMIT", Commit), ("BUILD_URL", "https://jenkins.example/job/app/job/main/42/"), ("WORKSPACE", "{repo}")),
            Files()),
        new(
            "travis",
            Variables(
                ("CI", "true"), ("TRAVIS", "true"), ("TRAVIS_BRANCH", "main"), ("TRAVIS_PULL_REQUEST", "false"), ("TRAVIS_COMMIT", Commit),
                ("TRAVIS_BUILD_NUMBER", "42"), ("TRAVIS_BUILD_ID", "1234567"), ("TRAVIS_BUILD_WEB_URL", "https://app.travis-ci.com/acme/app/builds/1234567"),
                ("TRAVIS_BUILD_DIR", "{repo}")),
            Files()),
        new(
            "appveyor",
            Variables(
                ("CI", "True"), ("APPVEYOR", "True"), ("APPVEYOR_REPO_BRANCH", "main"), ("APPVEYOR_REPO_TAG", "false"), ("APPVEYOR_REPO_COMMIT", Commit),
                ("APPVEYOR_BUILD_NUMBER", "42"), ("APPVEYOR_BUILD_ID", "1234567"), ("APPVEYOR_ACCOUNT_NAME", "acme"), ("APPVEYOR_PROJECT_SLUG", "app"),
                ("APPVEYOR_BUILD_FOLDER", "{repo}")),
            Files()),
        new(
            "bitbucket",
            Variables(
                ("CI", "true"), ("BITBUCKET_BUILD_NUMBER", "42"), ("BITBUCKET_BRANCH", "main"), ("BITBUCKET_COMMIT", Commit),
                ("BITBUCKET_REPO_FULL_NAME", "acme/app"), ("BITBUCKET_PIPELINE_UUID", "{a1b2c3d4-0000-4000-8000-000000000042}"),
                ("BITBUCKET_CLONE_DIR", "{repo}"), ("BITBUCKET_PIPELINES_VARIABLES_PATH", "{repo}/.ci-host/bitbucket-variables")),
            Files((".ci-host/bitbucket-variables", "$BITBUCKET_PIPELINES_VARIABLES_PATH"))),
        new(
            "circleci",
            Variables(
                ("CI", "true"), ("CIRCLECI", "true"), ("CIRCLE_BRANCH", "main"), ("CIRCLE_SHA1", Commit), ("CIRCLE_BUILD_NUM", "42"),
                ("CIRCLE_WORKFLOW_ID", "a1b2c3d4-0000-4000-8000-000000000042"), ("CIRCLE_BUILD_URL", "https://circleci.com/gh/acme/app/42"),
                ("CIRCLE_WORKING_DIRECTORY", "{repo}"), ("BASH_ENV", "{repo}/.ci-host/circleci-bash-env")),
            Files((".ci-host/circleci-bash-env", "$BASH_ENV"))),
        new(
            "buildkite",
            Variables(
                ("CI", "true"), ("BUILDKITE", "true"), ("BUILDKITE_BRANCH", "main"), ("BUILDKITE_PULL_REQUEST", "false"), ("BUILDKITE_COMMIT", Commit),
                ("BUILDKITE_BUILD_NUMBER", "42"), ("BUILDKITE_BUILD_ID", "a1b2c3d4-0000-4000-8000-000000000042"),
                ("BUILDKITE_BUILD_URL", "https://buildkite.com/acme/app/builds/42"), ("BUILDKITE_BUILD_CHECKOUT_PATH", "{repo}")),
            Files()),
        new(
            "woodpecker",
            Variables(
                ("CI", "woodpecker"), ("CI_COMMIT_BRANCH", "main"), ("CI_COMMIT_REF", "refs/heads/main"), ("CI_COMMIT_SHA", Commit),
                ("CI_PIPELINE_NUMBER", "42"), ("CI_PIPELINE_URL", "https://woodpecker.example/repos/1/pipeline/42"), ("CI_WORKSPACE", "{repo}")),
            Files()),
        new(
            "drone",
            Variables(
                ("CI", "true"), ("DRONE", "true"), ("DRONE_BRANCH", "main"), ("DRONE_COMMIT_REF", "refs/heads/main"), ("DRONE_COMMIT_SHA", Commit),
                ("DRONE_BUILD_NUMBER", "42"), ("DRONE_BUILD_LINK", "https://drone.example/acme/app/42"), ("DRONE_WORKSPACE", "{repo}")),
            Files()),
        new("generic", Variables(("CI", "true")), Files()),
        new("local", Variables(), Files()),
    }.ToDictionary(f => f.Host, StringComparer.Ordinal);

    /// <summary>Every host <c>--host</c> accepts, in detection order: the data of the per-host theories.</summary>
    public static TheoryData<string> AllHosts
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in HostDetector.Names)
            {
                data.Add(name);
            }

            return data;
        }
    }

    /// <summary>The fixture for a host; fails, naming this file, for a host added to the detector without one.</summary>
    public static HostFixture For(string host)
    {
        Assert.True(ByHost.TryGetValue(host, out var fixture), $"No fixture for the CI host '{host}': add its branch-build variables to {nameof(HostFixtures)}.");
        return fixture!;
    }

    /// <summary>A GitHub Actions pull request build: #42 merges <c>feature/login</c> into <c>main</c>.</summary>
    public static HostFixture GitHubPullRequest { get; } = new(
        "github-actions",
        Variables(
            ("CI", "true"), ("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "pull_request"), ("GITHUB_REF", "refs/pull/42/merge"),
            ("GITHUB_REF_NAME", "42/merge"), ("GITHUB_REF_TYPE", "branch"), ("GITHUB_HEAD_REF", "feature/login"), ("GITHUB_BASE_REF", "main"),
            ("GITHUB_SHA", MergeCommit), ("GITHUB_REPOSITORY", "acme/app"), ("GITHUB_SERVER_URL", "https://github.com"),
            ("GITHUB_RUN_ID", "9876543210"), ("GITHUB_RUN_NUMBER", "43"), ("GITHUB_WORKSPACE", "{repo}"),
            ("GITHUB_STEP_SUMMARY", "{repo}/" + GitHubStepSummary), ("GITHUB_OUTPUT", "{repo}/" + GitHubOutput)),
        Files((GitHubStepSummary, "$GITHUB_STEP_SUMMARY"), (GitHubOutput, "$GITHUB_OUTPUT")));

    /// <summary>
    /// The runner's environment for this fixture: inherited host variables removed, the fixture's set with
    /// <c>{repo}</c> resolved, <c>NO_COLOR=1</c>, a UTF-8 locale, and a <c>PATH</c> without any folder holding a CI agent's
    /// command, so the "could not start" warnings are the same on every machine.
    /// </summary>
    public static Dictionary<string, string?> Environment(HostFixture fixture, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && IsHostVariable(name))
            {
                variables[name] = null;
            }
        }

        foreach (var (name, value) in fixture.Variables)
        {
            variables[name] = value.Replace("{repo}", repositoryRoot, StringComparison.Ordinal);
        }

        variables["NO_COLOR"] = "1";

        // .NET takes the console's encoding from the locale, and Spectre draws ASCII (">", "+") instead of
        // "▶", "✔" and rounded table borders under a non-UTF-8 one: pinned, so snapshots match on every machine.
        variables["LC_ALL"] = "C.UTF-8";
        variables["PATH"] = PathWithoutAgents();
        return variables;
    }

    private static bool IsHostVariable(string name) =>
        HostVariables.Contains(name) || HostVariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    private static string PathWithoutAgents()
    {
        var folders = (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(
            Path.PathSeparator,
            folders.Where(folder => !new[] { "buildkite-agent", "appveyor" }.Any(agent => File.Exists(Path.Combine(folder, agent)))));
    }

    private static HostFixture GitHubLike(string host, string server, bool rendersSummary, params (string Name, string Value)[] extra) => new(
        host,
        Variables(
            [
                ("CI", "true"), ("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/heads/main"), ("GITHUB_REF_NAME", "main"),
                ("GITHUB_REF_TYPE", "branch"), ("GITHUB_SHA", Commit), ("GITHUB_REPOSITORY", "acme/app"), ("GITHUB_SERVER_URL", server),
                ("GITHUB_RUN_ID", "9876543210"), ("GITHUB_RUN_NUMBER", "42"), ("GITHUB_WORKSPACE", "{repo}"),
                ("GITHUB_STEP_SUMMARY", "{repo}/" + GitHubStepSummary), ("GITHUB_OUTPUT", "{repo}/" + GitHubOutput),
                .. extra,
            ]),
        rendersSummary
            ? Files((GitHubStepSummary, "$GITHUB_STEP_SUMMARY"), (GitHubOutput, "$GITHUB_OUTPUT"))
            : Files((GitHubOutput, "$GITHUB_OUTPUT")));

    private static Dictionary<string, string> Variables(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> Files(params (string Path, string ReadAs)[] files) =>
        files.ToDictionary(f => f.Path, f => f.ReadAs, StringComparer.Ordinal);
}
