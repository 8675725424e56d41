using System.Text.Json.Serialization;

namespace Pipeline.Delivery;

/// <summary>
/// The one difference between the two release policies: whether a person must approve. Every other rule holds
/// in both. Chosen in the script; <c>--release-mode</c> or <c>PIPELINE_RELEASE_MODE</c> may make it stricter, and
/// weaker only when the script allows it (<see cref="ModeChoice"/>).
/// The ledger writes it as <c>continuous-delivery</c> or <c>continuous-deployment</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReleaseMode>))]
public enum ReleaseMode
{
    /// <summary>Continuous delivery: every candidate could be released; a person decides with <c>--approve</c>.</summary>
    [JsonStringEnumMemberName("continuous-delivery")]
    Delivery,

    /// <summary>Continuous deployment: a candidate that passes every rule is released without a person.</summary>
    [JsonStringEnumMemberName("continuous-deployment")]
    Deployment,
}
