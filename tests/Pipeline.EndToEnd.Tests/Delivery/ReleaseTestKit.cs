using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Delivery;

/// <summary>What these delivery tests share: the printed rule verdicts, the refused/released checks and the ledger's records.</summary>
internal static partial class ReleaseTestKit
{
    /// <summary>The verdicts printed for the last deployment to <paramref name="environment"/> in this run.</summary>
    public static IReadOnlyList<RuleLine> Rules(RunnerResult result, string environment = "production")
    {
        var lines = result.OutputLines;
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            // "rules for ..." or, under --dry-run, "Dry run: rules for ...".
            if (lines[i].Contains("rules for ", StringComparison.Ordinal) && lines[i].Contains($" to {environment} (", StringComparison.Ordinal))
            {
                start = i;
            }
        }

        Assert.True(start >= 0, $"No rules were printed for {environment}.{Environment.NewLine}{result}");
        var rules = new List<RuleLine>();
        foreach (var line in lines.Skip(start + 1))
        {
            var match = RuleLinePattern().Match(line);
            if (!match.Success)
            {
                break;
            }

            rules.Add(new RuleLine(match.Groups[1].Value == "pass", match.Groups[2].Value, match.Groups[3].Value));
        }

        return rules;
    }

    public static RuleLine Rule(RunnerResult result, string name, string environment = "production")
    {
        var rule = Rules(result, environment).SingleOrDefault(r => r.Name == name);
        Assert.True(rule is not null, $"No verdict of rule {name} for {environment}.{Environment.NewLine}{result}");
        return rule!;
    }

    /// <summary>
    /// Refused by exactly <paramref name="rule"/>: exit code 3, its FAIL line, the refusal naming it, no stack trace,
    /// and, as the ledger's last record, a refusal with that rule failed (so nothing was released after it).
    /// </summary>
    public static void ShouldBeRefusedBy(RunnerResult result, DeliveryRepo repo, string rule)
    {
        result.ShouldExitWith(3);
        result.ShouldShowNoStackTrace();
        var failed = Rules(result).Where(r => !r.Passed).Select(r => r.Name).ToList();
        Assert.True(failed.SequenceEqual([rule]), $"Expected only {rule} to fail, but failed: {string.Join(", ", failed)}.{Environment.NewLine}{result}");
        result.OutputShouldContain($"Refused: {rule} (rule of production; the verdicts are above).");
        Assert.Equal("failed", result.OutcomeOf("Release"));

        var last = Records(repo, "production").Last();
        Assert.Equal("refusal", last.GetProperty("kind").GetString());
        Assert.Equal("refused", last.GetProperty("outcome").GetString());
        var failedInLedger = last.GetProperty("rules").EnumerateArray().Where(r => !r.GetProperty("passed").GetBoolean()).Select(r => r.GetProperty("name").GetString());
        Assert.Equal([rule], failedInLedger);
    }

    /// <summary>Released: exit code 0, every rule passed, the release published and recorded.</summary>
    public static void ShouldBeReleased(RunnerResult result, DeliveryRepo repo)
    {
        result.ShouldExitWith(0);
        Assert.All(Rules(result), r => Assert.True(r.Passed, $"{r.Name} failed: {r.Detail}{Environment.NewLine}{result}"));
        Assert.Equal("succeeded", result.OutcomeOf("Release"));
        var last = Records(repo, "production").Last();
        Assert.Equal("release", last.GetProperty("kind").GetString());
        Assert.Equal("published", last.GetProperty("outcome").GetString());
        result.OutputShouldContain($"Released {last.GetProperty("version").GetString()} {last.GetProperty("digest").GetString()} to production");
    }

    /// <summary>The environment's ledger, every line parsed as one JSON record (a line that is not one fails the test).</summary>
    public static IReadOnlyList<JsonElement> Records(DeliveryRepo repo, string environment) =>
        [.. repo.LedgerLines(environment).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];

    /// <summary>A text property of a ledger record; a record without it fails the test.</summary>
    public static string Text(JsonElement record, string property) =>
        record.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new Xunit.Sdk.XunitException($"The record has no text '{property}': {record}");

    /// <summary>How the ledger's hash chain names a line: <c>sha256:</c> and the hex of its UTF-8 bytes.</summary>
    public static string LineHash(string line) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line)));

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [GeneratedRegex(@"^  (pass|FAIL)  (\S+) +(.*)$")]
    private static partial Regex RuleLinePattern();
}

/// <summary>One printed verdict: <c>  pass  name  detail</c> or <c>  FAIL  name  detail</c>.</summary>
internal sealed record RuleLine(bool Passed, string Name, string Detail);
