using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Pipeline.CiGeneration;

/// <summary>
/// Builds and prints the YAML of generated files with YamlDotNet: block style, two-space indents, LF, keys in the
/// order they were added, scalars quoted only where YAML needs it. The same tree always prints the same bytes.
/// </summary>
internal static class CiYaml
{
    /// <summary>A mapping of the entries whose value is not null, in order.</summary>
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(key, value);
            }
        }

        return map;
    }

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    public static YamlSequenceNode Seq(params string[] items) => new(items.Select(Scalar));

    /// <summary>A scalar; one with line breaks prints as a literal block (<c>|</c>), as scripts read best.</summary>
    public static YamlScalarNode Scalar(string value) =>
        new(value) { Style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Any };

    /// <summary>A scalar always double-quoted: for values a reader could take for another type (<c>'0'</c>, <c>on</c>).</summary>
    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false");

    public static YamlScalarNode Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The document's text, after <paramref name="commentLines"/> as a comment, ending in one LF.</summary>
    public static string Write(YamlNode root, IEnumerable<string> commentLines)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        writer.Write(CiText.Comment(commentLines));
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, true, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().TrimEnd('\n') + "\n";
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                emitter.Emit(new Scalar(null, null, scalar.Value ?? string.Empty, scalar.Style, true, scalar.Style != ScalarStyle.DoubleQuoted));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(null, null, true, sequence.Style));
                foreach (var item in sequence)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode map:
                emitter.Emit(new MappingStart(null, null, true, map.Style));
                foreach (var (key, value) in map)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"Unexpected YAML node {node.NodeType}.", nameof(node));
        }
    }
}
