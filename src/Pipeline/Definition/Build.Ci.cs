using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline;

public partial class Build
{
    private readonly List<KeyValuePair<string, string>> _outputs = [];
    private HostChannel? _channel;
    private BuildIdentity? _identity;

    /// <summary>The CI host running this build (detected, or named by <c>--host</c>); <c>local</c> on a developer's machine.</summary>
    public CiHost Host => _channel?.Host ?? HostDetector.Detect(HostEnvironment.Process);

    /// <summary>
    /// What is being built, normalised across hosts: ref, branch, tag, commit, pull request, build number,
    /// id and URL. What the host does not say comes from git. Read on first use.
    /// </summary>
    public BuildIdentity Identity
    {
        get
        {
            if (_identity is null)
            {
                var host = Host;
                var fromHost = host.ReadIdentity(_channel?.Environment ?? HostEnvironment.Process) with { IsLocal = host is LocalHost };
                _identity = GitIdentity.Complete(fromHost, Root);
            }

            return _identity;
        }
    }

    /// <summary>Values handed to later CI steps (for example <c>version</c>), kept in order of setting.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Outputs
    {
        get
        {
            lock (_outputs)
            {
                return [.. _outputs];
            }
        }
    }

    /// <summary>
    /// Hands a value to later steps or jobs: through the host's mechanism where it has one at run time, and
    /// always in <c>artifacts/outputs.env</c>.
    /// </summary>
    public void SetOutput(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (Secrets.SecretMasker.Apply(value) != value)
        {
            Console.Error.WriteLine($"warning: output '{name}' contains a secret, which is masked wherever it is written; later steps will not see the value.");
        }

        lock (_outputs)
        {
            _outputs.RemoveAll(o => o.Key == name);
            _outputs.Add(new(name, value));
        }

        _channel?.Apply(_channel.Host.SetOutputs([new(name, value)], _channel.Environment));
    }

    /// <summary>Publishes a file or folder as an artifact of the run where the host allows it at run time.</summary>
    public void PublishArtifact(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _channel?.Apply(_channel.Host.PublishArtifact(Path.GetFullPath(path, Root)));
    }

    /// <summary>Sets the run's build number (usually the version) where the host allows it.</summary>
    public void SetBuildNumber(string buildNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buildNumber);
        _channel?.Apply(_channel.Host.SetBuildNumber(buildNumber));
    }

    internal HostChannel? Channel => _channel;

    internal void Attach(HostChannel channel) => _channel = channel;
}
