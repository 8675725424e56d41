using System.Runtime.CompilerServices;

namespace Pipeline.Tests.CiGeneration.Azure;

/// <summary>
/// Compares a generated file with its golden copy beside the test (<c>&lt;TestClass&gt;.&lt;name&gt;.verified.yml</c>).
/// On a mismatch the actual text is written beside it as <c>*.received.yml</c> (git-ignored) and the test fails
/// naming the first differing line. To accept, review the received file and rename it, or run the tests with
/// <c>PIPELINE_ACCEPT_SNAPSHOTS=1</c> (as the end-to-end snapshots) and review <c>git diff</c>.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string actual, string name, [CallerFilePath] string sourceFile = "")
    {
        var folder = Path.GetDirectoryName(sourceFile);
        Assert.True(folder is not null && Directory.Exists(folder), $"The test's source folder '{folder}' is not on this machine; golden files are kept there.");
        var stem = Path.Combine(folder!, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{name}");
        var verifiedPath = stem + ".verified.yml";
        var receivedPath = stem + ".received.yml";
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("PIPELINE_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(verified is null
            ? $"No golden file {verifiedPath} yet; review {receivedPath} and rename it."
            : $"{receivedPath} differs from {verifiedPath}: {FirstDifference(verified, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i], Math.Min(left.Length, right.Length));
        return $"line {line + 1}: expected '{(line < left.Length ? left[line] : "(end of file)")}', got '{(line < right.Length ? right[line] : "(end of file)")}'.";
    }
}
