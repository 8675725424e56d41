using Pipeline.Execution;

namespace Pipeline.Parameters;

/// <summary>
/// A target read a required parameter that nobody gave. Targets that declare <see cref="Target.Requires"/> are
/// checked before any target starts; this is the failure of one that read it without declaring so.
/// </summary>
internal sealed class MissingParameterException(IParameter parameter) : Exception(
    $"--{parameter.Name} was not given: {parameter.Description.TrimEnd('.')}. Pass --{parameter.Name} <value> or set {parameter.EnvironmentVariable}; " +
    $"a target that declares .Requires() of it is checked before any target starts."), IExplainedFailure;
