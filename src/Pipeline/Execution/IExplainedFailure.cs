namespace Pipeline.Execution;

/// <summary>
/// A failure whose message says everything (a command that failed, a rule that said no): shown as it is,
/// without the exception's type name. Pipeline's own failures implement it wherever they are declared, so the
/// executor needs to know none of them.
/// </summary>
internal interface IExplainedFailure;

/// <summary>
/// A refusal: a rule said no, which is not a failure of the script. The run exits with <see cref="ExitCodes.Refused"/>,
/// even when the target's failure is allowed.
/// </summary>
internal interface IRefusal : IExplainedFailure;
