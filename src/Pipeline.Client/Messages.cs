using System.Text;

namespace Pipeline.Client;

/// <summary>The client's own lines, straight to its file descriptors (System.Console would set up the terminal first).</summary>
internal static class Messages
{
    public static void Output(string text) => Native.Write(Native.StandardOutput, Encoding.UTF8.GetBytes(text));

    public static void Warning(string text) => Native.Write(Native.StandardError, Encoding.UTF8.GetBytes($"warning: {text}\n"));

    public static void Error(string text) => Native.Write(Native.StandardError, Encoding.UTF8.GetBytes($"error: {text}\n"));
}
