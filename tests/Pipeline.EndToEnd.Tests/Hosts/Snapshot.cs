using System.Runtime.CompilerServices;
using System.Text;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// A tiny snapshot check (the Verify library is not in the package mirror). The expected text is stored next
/// to the test's source file as <c>&lt;TestClass&gt;.&lt;TestName&gt;.&lt;variant&gt;.verified.txt</c> (the test
/// class is the source file's name). On a mismatch, or when there is no verified file yet, the actual text is
/// written beside it as <c>*.received.txt</c> (git-ignored) and the test fails with a unified-style diff.
/// <para>
/// To accept snapshots, review the received files and either rename them to <c>*.verified.txt</c>, or run the
/// tests with <c>PIPELINE_ACCEPT_SNAPSHOTS=1</c>, which writes every mismatching or missing snapshot straight
/// to its verified file and passes:
/// <c>PIPELINE_ACCEPT_SNAPSHOTS=1 dotnet test tests/Pipeline.EndToEnd.Tests -c Release --filter "FullyQualifiedName~EndToEnd.Tests.Hosts"</c>.
/// Review the resulting <c>git diff</c> before committing.
/// </para>
/// <para>
/// Control characters are stored as their Unicode control pictures (ESC as <c>␛</c>, CR as <c>␍</c>), so CI
/// protocol lines such as GitLab's <c>\e[0Ksection_start:…\r\e[0K</c> stay readable and no line ending is
/// ever rewritten by git or an editor; the mapping is one to one, so the stored text is still exact.
/// </para>
/// </summary>
internal static class Snapshot
{
    /// <summary>Set to <c>1</c> to accept new and changed snapshots instead of failing.</summary>
    public const string AcceptVariable = "PIPELINE_ACCEPT_SNAPSHOTS";

    private const int ContextLines = 3;

    /// <summary>Compares <paramref name="actual"/> with the verified snapshot for this test and <paramref name="variant"/>.</summary>
    /// <param name="variant">What tells this snapshot apart from the test's others, e.g. the CI host's name.</param>
    /// <param name="testName">The test method; pass it on when calling from a helper.</param>
    /// <param name="sourceFile">The test's source file, whose folder holds the snapshots.</param>
    public static void Verify(string actual, string variant, [CallerMemberName] string testName = "", [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var folder = Path.GetDirectoryName(sourceFile);
        Assert.True(
            folder is not null && Directory.Exists(folder),
            $"The test's source folder '{folder}' does not exist on this machine ([CallerFilePath] gave '{sourceFile}'); snapshots are stored there.");

        var stem = Path.Combine(folder!, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testName}.{variant}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var text = Visible(actual);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;

        if (verified == text)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, text);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, text);
        var what = verified is null
            ? $"No verified snapshot {Path.GetFileName(verifiedPath)} yet."
            : $"The output differs from the verified snapshot {Path.GetFileName(verifiedPath)}.";
        Assert.Fail(
            $"{what}{Environment.NewLine}" +
            $"Received: {receivedPath}{Environment.NewLine}" +
            $"Review it, then rename it to .verified.txt (or run with {AcceptVariable}=1).{Environment.NewLine}" +
            $"--- verified{Environment.NewLine}+++ received{Environment.NewLine}" +
            Diff(verified ?? string.Empty, text));
    }

    /// <summary>The text with C0 control characters other than line feed and tab as control pictures (U+2400 + code).</summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            Assert.False(c is >= '\u2400' and <= '\u2421', "The text already contains a control picture; the snapshot could not tell it from a control character.");
            builder.Append(c is < ' ' and not '\n' and not '\t' ? (char)('\u2400' + c) : c == '\u007f' ? '\u2421' : c);
        }

        return builder.ToString();
    }

    /// <summary>A line diff (longest common subsequence) in hunks with <see cref="ContextLines"/> lines of context.</summary>
    internal static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var common = new int[left.Length + 1][];
        for (var i = 0; i <= left.Length; i++)
        {
            common[i] = new int[right.Length + 1];
        }

        for (var i = left.Length - 1; i >= 0; i--)
        {
            for (var j = right.Length - 1; j >= 0; j--)
            {
                common[i][j] = left[i] == right[j] ? common[i + 1][j + 1] + 1 : Math.Max(common[i + 1][j], common[i][j + 1]);
            }
        }

        var edits = new List<(char Kind, string Line, int Left, int Right)>();
        int x = 0, y = 0;
        while (x < left.Length || y < right.Length)
        {
            if (x < left.Length && y < right.Length && left[x] == right[y])
            {
                edits.Add((' ', left[x], x++, y++));
            }
            else if (x < left.Length && (y == right.Length || common[x + 1][y] >= common[x][y + 1]))
            {
                edits.Add(('-', left[x], x++, y));
            }
            else
            {
                edits.Add(('+', right[y], x, y++));
            }
        }

        var text = new StringBuilder();
        var index = 0;
        while (index < edits.Count)
        {
            var firstChange = edits.FindIndex(index, e => e.Kind != ' ');
            if (firstChange < 0)
            {
                break;
            }

            var start = Math.Max(index, firstChange - ContextLines);
            var end = firstChange;
            for (var k = firstChange; k < edits.Count && k <= end + (2 * ContextLines); k++)
            {
                if (edits[k].Kind != ' ')
                {
                    end = k;
                }
            }

            var stop = Math.Min(edits.Count - 1, end + ContextLines);
            text.Append($"@@ -{edits[start].Left + 1} +{edits[start].Right + 1} @@{Environment.NewLine}");
            for (var k = start; k <= stop; k++)
            {
                text.Append(edits[k].Kind).Append(edits[k].Line).Append(Environment.NewLine);
            }

            index = stop + 1;
        }

        return text.ToString();
    }
}
