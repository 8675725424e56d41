using Pipeline.Hosts;
using Pipeline.Resident;

namespace Pipeline.Tests.Hosts;

/// <summary>
/// The native client decides "CI host, resident runner off by default" without Pipeline's host detection (it is not
/// in the client): these tests keep its short list of variables in step with every host the detector knows.
/// </summary>
public sealed class CiDetectionTests
{
    public static TheoryData<string, int> EveryWayAHostIsDetected()
    {
        var ways = new TheoryData<string, int>();
        foreach (var host in HostDetector.All.Where(h => h.Descriptor.Detection.AllOf.Count + h.Descriptor.Detection.AnyOf.Count > 0))
        {
            for (var alternative = 0; alternative < Math.Max(1, host.Descriptor.Detection.AnyOf.Count); alternative++)
            {
                ways.Add(host.Name, alternative);
            }
        }

        return ways;
    }

    [Theory]
    [MemberData(nameof(EveryWayAHostIsDetected))]
    public void Every_host_the_detector_recognises_is_a_CI_host_for_the_resident_runner(string hostName, int alternative)
    {
        var host = HostDetector.Find(hostName)!;
        var variables = SmallestEnvironmentDetecting(host.Descriptor.Detection, alternative);

        // The environment is really that host's (and only just): else the test would prove nothing.
        Assert.Equal(hostName, HostDetector.Detect(HostEnvironment.From(variables)).Name);
        Assert.True(CiDetection.IsCi(name => variables.GetValueOrDefault(name)), $"{hostName} with {string.Join(", ", variables)} is not CI for the client.");
    }

    [Theory]
    [InlineData]
    [InlineData("CI=false")]
    [InlineData("CI=0")]
    [InlineData("CI=")]
    [InlineData("HOME=/home/dev", "TERM=xterm-256color")]
    public void A_machine_the_detector_calls_local_is_not_a_CI_host(params string[] assignments)
    {
        var variables = assignments.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);

        Assert.Equal("local", HostDetector.Detect(HostEnvironment.From(variables)).Name);
        Assert.False(CiDetection.IsCi(name => variables.GetValueOrDefault(name)));
    }

    private static Dictionary<string, string> SmallestEnvironmentDetecting(HostDetection detection, int alternative)
    {
        var variables = new Dictionary<string, string>();
        foreach (var test in detection.AllOf)
        {
            variables[test.Variable] = Satisfying(test);
        }

        if (detection.AnyOf.Count > 0)
        {
            var chosen = detection.AnyOf[alternative];
            variables[chosen.Variable] = Satisfying(chosen);
        }

        return variables;
    }

    private static string Satisfying(VariableTest test) => test.Check switch
    {
        VariableCheck.Set => "1",
        VariableCheck.True => "true",
        VariableCheck.Equals => test.Value!,
        _ => throw new InvalidOperationException($"No host is detected by {test.Check} of {test.Variable}."),
    };
}
