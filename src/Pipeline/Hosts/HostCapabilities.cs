namespace Pipeline.Hosts;

/// <summary>Something a build can do on a CI host.</summary>
internal enum HostCapability
{
    /// <summary>Collapsible log groups around each target's output.</summary>
    Groups,

    /// <summary>Error and warning annotations, with file and line where the host supports them.</summary>
    Annotations,

    /// <summary>The host hides registered secret values in its logs.</summary>
    Masking,

    /// <summary>A rendered summary of the run on the job page.</summary>
    JobSummary,

    /// <summary>Values (version, artifact paths) passed to later steps or jobs.</summary>
    Outputs,

    /// <summary>Files kept with the run for later jobs and people.</summary>
    Artifacts,

    /// <summary>The run's displayed build number set from the version.</summary>
    BuildNumber,

    /// <summary>A person approves a deployment before it proceeds (environments with approvals).</summary>
    Approvals,
}

/// <summary>Where a capability can be used: at run time by printing or running a command, only by
/// declaring it in the CI configuration file, or not at all.</summary>
internal enum CapabilitySupport
{
    None,
    ConfigurationOnly,
    Runtime,
}
