using Pipeline.Delivery.Records;

namespace Pipeline.Delivery;

/// <summary>Runs an environment's checks against what was deployed there, one after the other: every check's verdict, a throw being a failure.</summary>
internal static class EnvironmentChecks
{
    public static async Task<IReadOnlyList<CheckVerdict>> RunAsync(DeliveryRun run, DeliveryEnvironment environment, Deployment deployed, CancellationToken cancellationToken)
    {
        var verdicts = new List<CheckVerdict>();
        foreach (var check in environment.Checks)
        {
            run.Report.CheckStarting(environment, check.Name, deployed);
            try
            {
                await check.Run(deployed, cancellationToken).ConfigureAwait(false);
                verdicts.Add(new CheckVerdict(check.Name, true, "passed"));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                verdicts.Add(new CheckVerdict(check.Name, false, run.Failures.Of(exception)));
            }
        }

        return verdicts;
    }
}
