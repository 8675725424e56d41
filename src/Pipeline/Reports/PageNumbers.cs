using System.Globalization;

namespace Pipeline.Reports;

/// <summary>Coordinates in SVG: invariant culture, one decimal at most, so a page's bytes never depend on the machine's locale.</summary>
internal static class PageNumbers
{
    public static string Format(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
