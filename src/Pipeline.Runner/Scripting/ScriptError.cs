namespace Pipeline.Runner.Scripting;

/// <summary>
/// A problem with the script found before it runs: a compile error (with its place) or a package that
/// could not be restored. Printed as <c>build/build.csx(12,5): error CS0103: ...</c>.
/// </summary>
/// <param name="File">The script file, relative to the repository root.</param>
internal sealed record ScriptError(string File, int? Line, int? Column, string? Code, string Message)
{
    public override string ToString() => Line is { } line
        ? $"{File}({line},{Column ?? 1}): error {Code}: {Message}"
        : $"{File}: error: {Message}";
}
