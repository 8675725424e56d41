using System.Text;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// A finished restore, stored in its folder: the key it was made for and the package assemblies it produced,
/// each with its fingerprint. A script edit that keeps its packages finds it and never starts <c>dotnet</c>.
/// Anything that does not match (another key, a truncated or garbled record, an assembly missing or changed)
/// reads as no record: restore again. Written in one rename, so a reader sees a whole record or none.
/// <code>
/// pipeline-package-restore 1
/// key pipeline-packages 1
/// key package humanizer.core 2.14.1
/// …
/// assembly 5f3c… Humanizer.dll
/// end
/// </code>
/// </summary>
internal static class PackageRestoreRecord
{
    private const string Header = "pipeline-package-restore 1";

    /// <summary>The restored assemblies (full paths, in <paramref name="outputFolder"/>), or null: restore again.</summary>
    public static IReadOnlyList<string>? Read(string path, PackageRestoreKey key, string outputFolder)
    {
        if (FramedRecord.ReadBody(path, Header) is not { } body)
        {
            return null;
        }

        var keyText = new StringBuilder();
        var assemblies = new List<string>();
        foreach (var line in body)
        {
            switch (line.Split(' ', 3))
            {
                case ["key", ..]:
                    keyText.Append(line["key ".Length..]).Append('\n');
                    break;
                case ["assembly", var hash, var file] when Path.GetFileName(file) == file:
                    var assembly = Path.Combine(outputFolder, file);
                    if (!IsIntact(assembly, hash))
                    {
                        return null;
                    }

                    assemblies.Add(assembly);
                    break;
                default:
                    return null;
            }
        }

        return keyText.ToString() == key.Text ? assemblies : null;
    }

    /// <param name="assemblies">Files directly in the restore's output folder.</param>
    public static void Write(string path, PackageRestoreKey key, IReadOnlyList<string> assemblies)
    {
        var text = new StringBuilder();
        foreach (var line in key.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append($"key {line}\n");
        }

        foreach (var assembly in assemblies)
        {
            text.Append($"assembly {ContentHash.Of(assembly)} {Path.GetFileName(assembly)}\n");
        }

        AtomicFile.WriteAllText(path, FramedRecord.Frame(Header, text.ToString()));
    }

    private static bool IsIntact(string assembly, string hash)
    {
        try
        {
            return File.Exists(assembly) && ContentHash.Of(assembly) == hash;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
