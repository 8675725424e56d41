using Pipeline.Execution;

namespace Pipeline.Delivery;

/// <summary>A deployer failed (recorded as <c>failed</c> in the environment's ledger); the message says where and why.</summary>
internal sealed class DeploymentFailedException(string message, Exception innerException) : Exception(message, innerException), IExplainedFailure;
