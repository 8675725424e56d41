namespace Pipeline.Incremental;

// PLACEHOLDER (helper A replaces this file).
internal static class ToolVersions
{
    public static string Runner => typeof(ToolVersions).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string Sdk => "unknown";
}
