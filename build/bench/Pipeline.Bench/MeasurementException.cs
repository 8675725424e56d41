namespace Pipeline.Bench;

/// <summary>A figure could not be measured: a setup step or a measured run failed. The harness then exits 1.</summary>
internal sealed class MeasurementException : Exception
{
    public MeasurementException()
    {
    }

    public MeasurementException(string message)
        : base(message)
    {
    }

    public MeasurementException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
