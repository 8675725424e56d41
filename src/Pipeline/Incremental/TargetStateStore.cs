using System.Text;

namespace Pipeline.Incremental;

/// <summary>
/// The states of incremental targets, one file each in <c>.pipeline/state</c> under the root: outside
/// <c>artifacts/</c> (which builds clean), ignored by git, written whole or not at all, one writer per target.
/// </summary>
internal sealed class TargetStateStore(string root)
{
    public string Folder { get; } = Path.Combine(root, ".pipeline", "state");

    /// <summary>The recorded state, or null when there is none or it cannot be read (then the target simply runs).</summary>
    public TargetState? Read(Target target)
    {
        try
        {
            var state = TargetStateFormat.Read(File.ReadAllText(FileOf(target)));
            return state?.Target == target.Name ? state : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    public void Write(TargetState state)
    {
        if (!File.Exists(Path.Combine(Folder, ".gitignore")))
        {
            // Keeps git status clean in a repository whose .gitignore does not name .pipeline/.
            AtomicFile.WriteAllText(Path.Combine(Folder, ".gitignore"), "*\n", durable: false);
        }

        AtomicFile.WriteAllText(FileOf(state.Target), TargetStateFormat.Write(state), durable: false);
    }

    /// <summary>Forgets a target's last success: after a failed or cancelled run its outputs cannot be trusted.</summary>
    public void Forget(Target target)
    {
        try
        {
            File.Delete(FileOf(target));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not forget the last run of {target.Name} ({exception.Message}); it may be taken as up to date.");
        }
    }

    private string FileOf(Target target) => FileOf(target.Name);

    // Target names are unique ignoring case, and may hold characters a file name cannot.
    private string FileOf(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : $"%{(int)c:x4}");
        }

        return Path.Combine(Folder, safe + ".state");
    }
}
