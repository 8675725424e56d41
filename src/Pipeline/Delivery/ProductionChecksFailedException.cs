using Pipeline.Execution;

namespace Pipeline.Delivery;

/// <summary>A check of the environment failed after a release reached it (recorded); the message names each failed check, and any rollback.</summary>
internal sealed class ProductionChecksFailedException(string message) : Exception(message), IExplainedFailure;
