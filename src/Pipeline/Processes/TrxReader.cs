using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Processes;

/// <summary>Adds up the counters of every TRX report (the VSTest result format) in a folder.</summary>
internal static class TrxReader
{
    public static TestRunSummary Summarise(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new TestRunSummary(0, 0, 0);
        }

        int passed = 0, failed = 0, skipped = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
            {
                continue;
            }

            passed += Count(counters, "passed");
            failed += Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
            skipped += Count(counters, "notExecuted");
        }

        return new TestRunSummary(passed, failed, skipped);
    }

    private static int Count(XElement counters, string name) =>
        int.TryParse(counters.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
