using System.Globalization;
using System.Text;
using Pipeline.BuildCache;

namespace Pipeline.Incremental;

/// <summary>
/// The text a <see cref="TargetState"/> is kept as: one record per line, fields separated by tabs and escaped
/// (<c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\\</c>). Read on the start-up path of every no-change run, so it is parsed by
/// hand: JSON (even source-generated) cost a quarter of a second of start-up there, this a fraction of a millisecond.
/// </summary>
internal static class TargetStateFormat
{
    private const string Header = "pipeline-state";

    public static string Write(TargetState state)
    {
        var text = new StringBuilder();
        void Line(params object[] fields) => text.AppendJoin('\t', fields.Select(f => Escape(Convert.ToString(f, CultureInfo.InvariantCulture) ?? string.Empty))).Append('\n');
        var entry = state.Result;
        Line(Header, state.Format);
        Line("target", state.Target);
        Line("fingerprint", state.Fingerprint);
        Line("inputs-taken", state.InputsTakenAt.UtcTicks);
        Line("outputs-taken", state.OutputsTakenAt.UtcTicks);
        Line("recorded", entry.RecordedAt.UtcTicks, entry.Duration.Ticks);
        foreach (var (name, digest) in state.Facts)
        {
            Line("fact", name, digest);
        }

        foreach (var (path, digest) in state.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            Line("input", path, digest.Sha256, digest.Size, digest.ModifiedTicks);
        }

        var executable = entry.Files.Where(f => f.Executable).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, digest) in state.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Line("output", path, digest.Sha256, digest.Size, digest.ModifiedTicks, executable.Contains(path) ? "x" : "-");
        }

        entry.OutputLines.ToList().ForEach(line => Line("line", line));
        entry.ClosingLines.ToList().ForEach(line => Line("closing", line));
        entry.Outputs.ToList().ForEach(output => Line("set-output", output.Key, output.Value));
        return text.ToString();
    }

    /// <summary>The state, or null when the text is not a whole state of this format.</summary>
    public static TargetState? Read(string text)
    {
        string? target = null, fingerprint = null;
        long inputsTaken = 0, outputsTaken = 0, recorded = 0, duration = 0;
        var format = 0;
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, FileDigest>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, FileDigest>(StringComparer.Ordinal);
        var files = new List<CachedFile>();
        List<string> lines = [], closing = [];
        var setOutputs = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t').Select(Unescape).ToArray();
            switch (f[0])
            {
                case Header when f.Length == 2: format = int.Parse(f[1], CultureInfo.InvariantCulture); break;
                case "target" when f.Length == 2: target = f[1]; break;
                case "fingerprint" when f.Length == 2: fingerprint = f[1]; break;
                case "inputs-taken" when f.Length == 2: inputsTaken = long.Parse(f[1], CultureInfo.InvariantCulture); break;
                case "outputs-taken" when f.Length == 2: outputsTaken = long.Parse(f[1], CultureInfo.InvariantCulture); break;
                case "recorded" when f.Length == 3: (recorded, duration) = (long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture)); break;
                case "fact" when f.Length == 3: facts[f[1]] = f[2]; break;
                case "input" when f.Length == 5: inputs[f[1]] = Digest(f); break;
                case "output" when f.Length == 6:
                    outputs[f[1]] = Digest(f);
                    files.Add(new CachedFile(f[1], f[2], long.Parse(f[3], CultureInfo.InvariantCulture), f[5] == "x"));
                    break;
                case "line" when f.Length == 2: lines.Add(f[1]); break;
                case "closing" when f.Length == 2: closing.Add(f[1]); break;
                case "set-output" when f.Length == 3: setOutputs.Add(new(f[1], f[2])); break;
                default: return null;
            }
        }

        if (format != TargetState.CurrentFormat || target is null || fingerprint is null || recorded == 0)
        {
            return null;
        }

        var entry = new CacheEntry(target, fingerprint, files, lines, closing, setOutputs, new DateTimeOffset(recorded, TimeSpan.Zero), TimeSpan.FromTicks(duration));
        return new TargetState(format, target, fingerprint, facts, inputs, new DateTimeOffset(inputsTaken, TimeSpan.Zero), outputs, new DateTimeOffset(outputsTaken, TimeSpan.Zero), entry);
    }

    private static FileDigest Digest(string[] fields) =>
        new(fields[2], long.Parse(fields[3], CultureInfo.InvariantCulture), long.Parse(fields[4], CultureInfo.InvariantCulture));

    private static string Escape(string field) =>
        field.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            text.Append(field[i] == '\\' && i + 1 < field.Length
                ? field[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other }
                : field[i]);
        }

        return text.ToString();
    }
}
