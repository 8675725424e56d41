using System.Globalization;

namespace Pipeline.Parameters;

/// <summary>
/// Converts raw text (from the command line or the environment) into a parameter's typed value.
/// One converter for every source, so a malformed value reads the same wherever it came from.
/// </summary>
internal static class ParameterValueParser
{
    /// <summary>Whether <paramref name="type"/> is a value type the DSL knows how to parse.</summary>
    public static bool IsSupported(Type type) =>
        ElementType(type) is { } element ? IsSupportedScalar(element) : IsSupportedScalar(type);

    public static bool IsList(Type type) => ElementType(type) is not null;

    public static bool IsFlag(Type type) => type == typeof(bool);

    /// <summary>
    /// Parses the raw values; for a list each raw value may also hold comma-separated items. Relative paths
    /// resolve against <paramref name="baseDirectory"/>: where the user typed the command.
    /// </summary>
    public static bool TryParse(Type type, IReadOnlyList<string> raw, string baseDirectory, out object? value, out string error)
    {
        if (ElementType(type) is { } element)
        {
            var items = raw.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (!TryParseScalar(element, items[i], baseDirectory, out var item))
                {
                    value = null;
                    error = $"expected {Describe(type)}, but '{items[i]}' is not {Article(element)}";
                    return false;
                }

                array.SetValue(item, i);
            }

            value = array;
            error = string.Empty;
            return true;
        }

        var text = raw.Count == 0 ? string.Empty : raw[^1];
        if (raw.Count == 0 && type == typeof(bool))
        {
            value = true;
            error = string.Empty;
            return true;
        }

        if (TryParseScalar(type, text, baseDirectory, out value))
        {
            error = string.Empty;
            return true;
        }

        error = $"expected {Describe(type)}, got '{text}'";
        return false;
    }

    /// <summary>How a type is named in <c>--help</c> and in error messages.</summary>
    public static string Describe(Type type)
    {
        if (ElementType(type) is { } element)
        {
            return $"list of {Describe(element)}";
        }

        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(double) => "number",
            _ when type == typeof(AbsolutePath) => "path",
            _ => type.Name,
        };
    }

    /// <summary>A value as shown in <c>--help</c>; a path relative to <paramref name="root"/>.</summary>
    public static string? Display(object? value, string root) => value switch
    {
        null => null,
        string s => s.Length == 0 ? "\"\"" : s,
        bool b => b ? "true" : "false",
        AbsolutePath p => Path.GetRelativePath(root, p.FullPath),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>().Select(item => Display(item, root))),
        _ => value.ToString(),
    };

    private static bool TryParseScalar(Type type, string text, string baseDirectory, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (type == typeof(bool))
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "" or "true" or "1" or "yes" or "on":
                    value = true;
                    return true;
                case "false" or "0" or "no" or "off":
                    value = false;
                    return true;
                default:
                    return false;
            }
        }

        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
            return true;
        }

        if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }

        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }

        if (type.IsEnum)
        {
            // Names only: Enum.TryParse would also accept any number, which is never what a user meant.
            var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null)
            {
                value = Enum.Parse(type, name);
                return true;
            }

            return false;
        }

        if (type == typeof(AbsolutePath) && !string.IsNullOrWhiteSpace(text) && text.IndexOfAny(Path.GetInvalidPathChars()) < 0)
        {
            value = AbsolutePath.From(text, baseDirectory);
            return true;
        }

        return false;
    }

    private static bool IsSupportedScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) ||
        type == typeof(double) || type == typeof(AbsolutePath) || type.IsEnum;

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    private static string Article(Type type) => Describe(type) switch
    {
        "int" or "long" => "an integer",
        "number" => "a number",
        "bool" => "true or false",
        var other => $"a valid {other}",
    };
}
