using System.Runtime.InteropServices;

namespace Pipeline.Bench;

/// <summary>What the figures were measured on: processors, operating system, .NET runtime and SDK.</summary>
internal static class MachineInfo
{
    public static async Task<string> DescribeAsync(Scratch scratch)
    {
        var sdk = await SdkVersionAsync(scratch);
        return $"{Environment.ProcessorCount} processors{CpuModel()}, {OperatingSystemName()} {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}; " +
            $"{RuntimeInformation.FrameworkDescription}{(sdk is null ? string.Empty : $", SDK {sdk}")}";
    }

    private static string OperatingSystemName()
    {
        if (OperatingSystem.IsLinux() && File.Exists("/etc/os-release"))
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                return $"{pretty["PRETTY_NAME=".Length..].Trim('"')} (Linux {Environment.OSVersion.Version})";
            }
        }

        return RuntimeInformation.OSDescription;
    }

    private static string CpuModel()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo"))
        {
            return string.Empty;
        }

        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? string.Empty : $" ({model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()})";
    }

    private static async Task<string?> SdkVersionAsync(Scratch scratch)
    {
        try
        {
            var result = await BenchProcess.RunAsync(DotNetHost.Path, ["--version"], Environment.CurrentDirectory, scratch.Environment(), HangGuard.Default);
            return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
        }
        catch (MeasurementException)
        {
            return null;
        }
    }
}
