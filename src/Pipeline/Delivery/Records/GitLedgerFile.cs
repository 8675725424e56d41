using System.Text.Json;

namespace Pipeline.Delivery.Records;

/// <summary>An environment's ledger on the records ref: <c>&lt;environment&gt;/ledger.jsonl</c> and its head, written in one commit.</summary>
/// <param name="local">
/// The ledger this machine kept before the build chose git: read while the ref has none for the environment, so
/// switching to git keeps the history; the first record written to the ref carries it over.
/// </param>
internal sealed class GitLedgerFile(GitRecords git, string environment, ILedgerFile? local = null) : ILedgerFile
{
    private string LedgerPath => $"{environment}/{Ledger.FileName}";

    private string HeadPath => $"{environment}/ledger.head";

    public string Location => $"{LedgerPath} on {git.Description}";

    public string HowToRestore => $"push an earlier commit of {git.Reference} back to {git.Remote} (git log {git.Reference} shows every state; git push --force {git.Remote} <commit>:{git.Reference})";

    public LedgerText Read()
    {
        var commit = git.Fetch();
        var head = git.ReadFile(commit, HeadPath);
        if (git.ReadFile(commit, LedgerPath) is null && local?.Read() is { Content.Length: > 0 } kept)
        {
            return kept with { Commit = commit };
        }

        return new LedgerText(git.ReadFile(commit, LedgerPath) ?? string.Empty, head is null ? null : ParseHead(head), MayBeUnchained: false) { Commit = commit };
    }

    public bool TryReplace(LedgerText basis, string content, LedgerHead head, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var files = new Dictionary<string, string?>
        {
            [HeadPath] = JsonSerializer.Serialize(head, Ledger.Json) + "\n",
            [LedgerPath] = content,
        };
        return git.TryCommit(basis.Commit, files, $"{environment}: record {head.Records}");
    }

    private static LedgerHead ParseHead(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<LedgerHead>(text, Ledger.Json) ?? new LedgerHead(-1, "garbled", "garbled");
        }
        catch (JsonException)
        {
            return new LedgerHead(-1, "garbled", "garbled");
        }
    }
}
