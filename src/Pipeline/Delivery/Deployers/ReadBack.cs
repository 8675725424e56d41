namespace Pipeline.Delivery.Deployers;

/// <summary>
/// What a deployer found when asked to give back a deployment (<see cref="IDeployer.ReadBackAsync"/>): the files
/// it holds (copied into the folder it was given), nothing because the deployment is not there, or that it cannot
/// read back at all (a deployment made by a command, say).
/// </summary>
public sealed class ReadBack
{
    private ReadBack(ReadBackStatus status, string detail, IReadOnlyList<string> paths)
    {
        Status = status;
        Detail = detail;
        Paths = paths;
    }

    public ReadBackStatus Status { get; }

    /// <summary>Where it was read from, or why nothing was (for reports and refusals).</summary>
    public string Detail { get; }

    /// <summary>
    /// The manifest paths the environment keeps of a candidate (a folder: every file; a NuGet feed: the packages).
    /// Each was copied into the folder given, when the environment still had it.
    /// </summary>
    public IReadOnlyList<string> Paths { get; }

    /// <param name="paths">The manifest paths the environment keeps (see <see cref="Paths"/>).</param>
    /// <param name="from">Where they were read from.</param>
    public static ReadBack Read(IEnumerable<string> paths, string from)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new(ReadBackStatus.Read, from, [.. paths]);
    }

    /// <summary>The environment does not hold the deployment (any more).</summary>
    public static ReadBack Missing(string detail) => new(ReadBackStatus.Missing, detail, []);

    /// <summary>This deployer cannot give back what it deployed, or cannot reach it now.</summary>
    public static ReadBack NotSupported(string detail) => new(ReadBackStatus.NotSupported, detail, []);
}

public enum ReadBackStatus
{
    Read,
    Missing,
    NotSupported,
}
