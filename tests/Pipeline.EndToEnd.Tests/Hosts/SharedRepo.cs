using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// One temporary repository for all the tests of a class (an <c>IClassFixture</c>), emptied of everything but
/// the script before each run. The compiled-script cache is keyed by the script's path, so a fresh
/// repository per test would compile the script on every run (seconds); here it is compiled once per class.
/// The tests of one class run one at a time, so they never share the folder at the same moment.
/// </summary>
public sealed class SharedRepo : IDisposable
{
    private TempRepo? _repo;
    private string? _script;

    /// <summary>The repository holding <paramref name="script"/> as <c>build/build.csx</c> and nothing else.</summary>
    public TempRepo With(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (_repo is null)
        {
            _repo = new TempRepo(script);
            _script = script;
            return _repo;
        }

        Assert.True(_script == script, "A shared repository holds one script: give each script its own test class.");
        foreach (var entry in Directory.EnumerateFileSystemEntries(_repo.Root))
        {
            if (Path.GetFileName(entry) == "build")
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(_repo.Path("build")).Where(e => e != _repo.ScriptPath))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        return _repo;
    }

    public void Dispose() => _repo?.Dispose();
}
