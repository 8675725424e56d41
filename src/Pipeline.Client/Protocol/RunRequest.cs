using System.Text;

namespace Pipeline.Resident;

/// <summary>
/// Everything a run takes from the process that asked for it: the arguments, where they were typed, the whole
/// environment, and whether standard output and error are terminals (and how wide), so the runner prints exactly
/// what an in-process run would have printed there.
/// </summary>
internal sealed record RunRequest(
    string WorkingDirectory,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    bool OutputIsTerminal,
    bool ErrorIsTerminal,
    int Width)
{
    /// <summary>Raised when the request's layout changes; a runner refuses a request of another version.</summary>
    public const int ProtocolVersion = 2;

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(ProtocolVersion);
            writer.Write(WorkingDirectory);
            writer.Write(Arguments.Count);
            foreach (var argument in Arguments)
            {
                writer.Write(argument);
            }

            writer.Write(Environment.Count);
            foreach (var (name, value) in Environment)
            {
                writer.Write(name);
                writer.Write(value);
            }

            writer.Write(OutputIsTerminal);
            writer.Write(ErrorIsTerminal);
            writer.Write(Width);
        }

        return buffer.ToArray();
    }

    /// <summary>The request in <paramref name="payload"/>; <see cref="InvalidDataException"/> for another version or a garbled one.</summary>
    public static RunRequest Parse(byte[] payload)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            var version = reader.ReadInt32();
            if (version != ProtocolVersion)
            {
                throw new InvalidDataException($"The client speaks protocol version {version}; this runner speaks {ProtocolVersion}.");
            }

            var workingDirectory = reader.ReadString();
            var arguments = new string[Count(reader)];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = reader.ReadString();
            }

            var environment = new KeyValuePair<string, string>[Count(reader)];
            for (var i = 0; i < environment.Length; i++)
            {
                environment[i] = new(reader.ReadString(), reader.ReadString());
            }

            return new RunRequest(workingDirectory, arguments, environment, reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadInt32());
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The run request is cut short.", exception);
        }
    }

    private static int Count(BinaryReader reader) =>
        reader.ReadInt32() is >= 0 and < 1_000_000 and var count ? count : throw new InvalidDataException("The run request is garbled.");
}
