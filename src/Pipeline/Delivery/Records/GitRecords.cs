using System.Globalization;

namespace Pipeline.Delivery.Records;

/// <summary>
/// The records as files on a dedicated ref of a git remote (<c>refs/pipeline/records</c> on <c>origin</c> by
/// default): every change is a new commit on that ref, pushed with compare-and-swap (<c>--force-with-lease</c>
/// on the commit it was built on), so two runners on two machines never overwrite each other: the second push is
/// rejected, and its writer reads again. Needs nothing but a remote the job may push to.
/// </summary>
internal sealed class GitRecords(AbsolutePath repository, string remote, string reference)
{
    /// <summary>Who writes the records' commits: the people are in the records themselves.</summary>
    private static readonly Dictionary<string, string?> Committer = new()
    {
        ["GIT_AUTHOR_NAME"] = "Pipeline records",
        ["GIT_AUTHOR_EMAIL"] = "records@pipeline.invalid",
        ["GIT_COMMITTER_NAME"] = "Pipeline records",
        ["GIT_COMMITTER_EMAIL"] = "records@pipeline.invalid",
    };

    public string Remote { get; } = remote;

    public string Reference { get; } = reference;

    private string Tracking => TrackingRef(Remote, Reference);

    /// <summary>Where the last fetched or pushed state of the records is kept locally (never pushed itself; people can read it).</summary>
    public static string TrackingRef(string remote, string reference) =>
        $"refs/pipeline-fetched/{remote}/{reference.Replace("refs/", string.Empty, StringComparison.Ordinal)}";

    public string Description => $"{Reference} on {Remote}";

    /// <summary>The ref's commit on the remote now, or null when the remote has no records yet.</summary>
    public string? Fetch()
    {
        var fetched = Git(null, "fetch", "--quiet", "--no-tags", Remote, $"+{Reference}:{Tracking}");
        if (fetched.ExitCode == 0)
        {
            return Git(null, "rev-parse", "--verify", Tracking).StandardOutput.Trim();
        }

        if (fetched.StandardError.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase))
        {
            Git(null, "update-ref", "-d", Tracking);
            return null;
        }

        throw new ReleaseRefusedException(
            $"Refused: the delivery records ({Description}) cannot be read: {FirstLine(fetched.StandardError)}. Check that the remote exists and this job may fetch from it.");
    }

    /// <summary>A file's text at <paramref name="commit"/>, or null when the commit has no such file.</summary>
    public string? ReadFile(string? commit, string path)
    {
        if (commit is null)
        {
            return null;
        }

        var shown = Git(null, "cat-file", "blob", $"{commit}:{path}");
        return shown.ExitCode == 0 ? shown.StandardOutput : null;
    }

    /// <summary>
    /// Commits <paramref name="files"/> (a null text removes the file) on top of <paramref name="basis"/> and pushes
    /// it if the remote ref is still at <paramref name="basis"/>; false when another runner pushed first.
    /// </summary>
    public bool TryCommit(string? basis, IReadOnlyDictionary<string, string?> files, string message)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"pipeline-records-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var index = new Dictionary<string, string?>(Committer) { ["GIT_INDEX_FILE"] = Path.Combine(scratch, "index") };
            Must(Git(index, "read-tree", basis ?? "--empty"), "read-tree");
            foreach (var (path, text) in files)
            {
                if (text is null)
                {
                    Must(Git(index, "update-index", "--force-remove", "--", path), "update-index");
                    continue;
                }

                var blobFile = Path.Combine(scratch, "blob");
                File.WriteAllText(blobFile, text);
                var blob = Must(Git(index, "hash-object", "-w", "--", blobFile), "hash-object");
                Must(Git(index, "update-index", "--add", "--cacheinfo", string.Create(CultureInfo.InvariantCulture, $"100644,{blob},{path}")), "update-index");
            }

            var tree = Must(Git(index, "write-tree"), "write-tree");
            string[] parent = basis is null ? [] : ["-p", basis];
            var commit = Must(Git(index, ["commit-tree", "--no-gpg-sign", tree, .. parent, "-m", message]), "commit-tree");
            var pushed = Git(null, "push", "--quiet", "--no-verify", $"--force-with-lease={Reference}:{basis ?? string.Empty}", Remote, $"{commit}:{Reference}");
            if (pushed.ExitCode == 0)
            {
                Git(null, "update-ref", Tracking, commit);
                return true;
            }

            // Rejected: if the ref moved, someone else appended first (read again); if not, the push itself failed.
            return Fetch() != basis
                ? false
                : throw new ReleaseRefusedException(
                    $"Refused: the delivery records ({Description}) cannot be written: {FirstLine(pushed.StandardError)}. The job needs permission to push {Reference} to {Remote}.");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Git never asks for a password here: a job without credentials fails at once instead of hanging on a prompt.</summary>
    private static readonly Dictionary<string, string?> NoPrompt = new() { ["GIT_TERMINAL_PROMPT"] = "0" };

    private BlockingProcessResult Git(IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        BlockingProcess.Run("git", arguments, repository, environment is null ? NoPrompt : new Dictionary<string, string?>(environment) { ["GIT_TERMINAL_PROMPT"] = "0" })
        ?? throw new ReleaseRefusedException("Refused: git could not be started; the delivery records live on a git ref.");

    private static string Must(BlockingProcessResult result, string step) => result.ExitCode == 0
        ? result.StandardOutput.Trim()
        : throw new IOException($"git {step} failed while writing the delivery records: {FirstLine(result.StandardError)}");

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(git said nothing)";
}
