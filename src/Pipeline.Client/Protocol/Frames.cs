using System.Buffers.Binary;

namespace Pipeline.Resident;

/// <summary>
/// Reads and writes frames: one <see cref="FrameKind"/> byte, the payload's length as a little-endian Int32, the payload.
/// Shared by the native client and the runner (the same file is compiled into both).
/// </summary>
internal static class Frames
{
    /// <summary>No frame is larger: a longer length means the stream is not speaking this protocol.</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    private const int HeaderLength = 5;

    public static void Write(Stream stream, FrameKind kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        header[0] = (byte)kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], payload.Length);
        stream.Write(header);
        if (!payload.IsEmpty)
        {
            // Never an empty write: on a socket whose peer already answered and closed, even that fails (EPIPE).
            stream.Write(payload);
        }

        stream.Flush();
    }

    public static void WriteInt32(Stream stream, FrameKind kind, int value)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, value);
        Write(stream, kind, payload);
    }

    /// <summary>
    /// The next frame, or null when the stream ends cleanly between frames. A stream that ends inside a frame, or a
    /// frame that cannot be one of ours, throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static Frame? Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        var first = stream.Read(header);
        if (first == 0)
        {
            return null;
        }

        ReadExactly(stream, header[first..]);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header[1..]);
        if (length is < 0 or > MaxPayload)
        {
            throw new InvalidDataException($"A frame of {length} bytes is not a Pipeline runner frame.");
        }

        var payload = new byte[length];
        ReadExactly(stream, payload);
        return new Frame((FrameKind)header[0], payload);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The connection ended in the middle of a frame.", exception);
        }
    }
}

/// <summary>One frame as read.</summary>
internal sealed record Frame(FrameKind Kind, byte[] Payload)
{
    /// <summary>The payload of an <see cref="FrameKind.Exit"/> or <see cref="FrameKind.Resize"/> frame.</summary>
    public int Int32 => Payload.Length == 4
        ? BinaryPrimitives.ReadInt32LittleEndian(Payload)
        : throw new InvalidDataException($"A {Kind} frame carries 4 bytes, not {Payload.Length}.");
}
