using Pipeline.EndToEnd.Tests.Hosts;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.CiGeneration;

/// <summary>
/// gitlab-ci-local 4.70.1 (tests/tools) running a repository's <c>.gitlab-ci.yml</c> as GitLab would: every job in
/// the shell (<c>--force-shell-executor</c>: no Docker, the image is ignored) in its own copy of the repository's
/// tracked files under <c>.gitlab-ci-local/builds/&lt;job&gt;</c> (<c>--shell-isolation</c>), with artifacts and dotenv
/// reports copied in from the jobs it needs. All of its state stays in the repository and <paramref name="stateFolder"/>.
/// <para>
/// What it does not emulate, and the test supplies: it says <c>GITLAB_CI=false</c>, so the runner would not know it
/// runs on GitLab; it sets <c>CI_PROJECT_DIR</c> to <c>/builds/&lt;group&gt;/&lt;project&gt;</c> (where a Docker job
/// would be) for a job that names an image, even in the shell, so the job's own folder is given as <c>.</c>. It sets no
/// <c>CI_JOB_TOKEN</c>: the jobs push the records to <c>origin</c>, a bare repository on this machine. The user is
/// the repository's <c>git config user.email</c> (<c>GITLAB_USER_EMAIL</c>, and its local part as <c>GITLAB_USER_LOGIN</c>).
/// </para>
/// </summary>
internal sealed class GitLabCiLocal(string program, string repository, string stateFolder)
{
    public static async Task<GitLabCiLocal> ForAsync(string repository, string stateFolder)
    {
        await Rsync.EnsureInstalledAsync();
        return new GitLabCiLocal(await NodeTools.BinAsync("gitlab-ci-local"), repository, stateFolder);
    }

    /// <summary>Runs gitlab-ci-local with <paramref name="arguments"/> (jobs, <c>--manual</c>, <c>--list</c>) after the options that keep it local.</summary>
    public async Task<ChildProcessResult> RunAsync(params string[] arguments)
    {
        string[] options =
        [
            "--home", Path.Combine(stateFolder, "home"),
            "--force-shell-executor",
            "--shell-isolation",
            "--no-artifacts-to-source",
            "--no-color",
            "--variable", "GITLAB_CI=true",
            "--variable", "CI_PROJECT_DIR=.",
            "--ignore-predefined-vars", "GITLAB_CI,CI_PROJECT_DIR",
        ];
        return await ChildProcess.RunAsync(program, [.. options, .. arguments], repository, Environment(), HangGuard.ColdBuild);
    }

    /// <summary>No CI host of the machine running the tests and no PIPELINE_ setting leaks into the jobs; the scripts compile into a cache of this test.</summary>
    private Dictionary<string, string?> Environment()
    {
        var variables = HostFixtures.Environment(HostFixtures.For("local"), repository);
        foreach (var (name, value) in InheritedEnvironment.Without("PIPELINE_"))
        {
            variables[name] = value;
        }

        variables["PIPELINE_CACHE"] = Path.Combine(stateFolder, "script-cache");
        return variables;
    }
}
