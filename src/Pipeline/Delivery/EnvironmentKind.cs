namespace Pipeline.Delivery;

/// <summary>What an environment is for; it decides what a deployment there may do.</summary>
public enum EnvironmentKind
{
    /// <summary>Where a candidate is checked. A version may be deployed again with other bytes (a rebuild of the same commit).</summary>
    Qa,

    /// <summary>Where users get it. A released version is immutable: other bytes under the same version are refused.</summary>
    Production,
}
