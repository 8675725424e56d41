using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>
/// A bare repository as <c>origin</c>, as a hosted repository is to CI runners: the first delivery repository
/// pushes to it, and every clone made from it is a fresh runner with nothing of the first one's working tree.
/// </summary>
public sealed class SharedOrigin : IDisposable
{
    private readonly TempRepo _folder = new(script: null);
    private readonly List<DeliveryRepo> _clones = [];

    public string Path => _folder.Path("origin.git");

    /// <summary>A bare origin that <paramref name="first"/> pushes its branch and tags to.</summary>
    public static async Task<SharedOrigin> ForAsync(DeliveryRepo first)
    {
        var origin = new SharedOrigin();
        await first.GitAsync("init", "--quiet", "--bare", "--initial-branch=main", origin.Path);
        await first.GitAsync("remote", "add", "origin", origin.Path);
        await first.GitAsync("push", "--quiet", "origin", "main", "--tags");
        return origin;
    }

    /// <summary>A fresh clone, as a new CI runner checks the repository out, optionally at <paramref name="reference"/>.</summary>
    public async Task<DeliveryRepo> CloneAsync(string? reference = null)
    {
        var clone = new DeliveryRepo(new TempRepo(script: null));
        _clones.Add(clone);
        await clone.GitAsync("clone", "--quiet", Path, ".");
        await clone.GitAsync("config", "user.email", DeliveryRepo.Author);
        await clone.GitAsync("config", "user.name", "Author");
        if (reference is not null)
        {
            await clone.GitAsync("checkout", "--quiet", reference);
        }

        return clone;
    }

    public void Dispose()
    {
        foreach (var clone in _clones)
        {
            clone.Dispose();
        }

        _folder.Dispose();
    }
}
