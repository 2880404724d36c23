using ServicePlan.Import;

namespace ServicePlan.Export;

/// <summary>How a colour is written in styles.xml: one of rgb, indexed or theme, each optionally tinted.</summary>
internal sealed record ColourSpec(string? Rgb, int? Indexed, int? Theme, double Tint, bool Auto);

/// <summary>
/// Turns Excel's three ways of naming a colour into RGB, the way Excel paints it: a plan rated only by fill colour is
/// read from these, and councils pick their reds and greens from whichever of the three palettes their Excel offered.
/// </summary>
internal static class ExcelColours
{
    /// <summary>Excel's default 64-colour palette, which a workbook's own indexedColors replaces when present.</summary>
    public static IReadOnlyList<RgbColour> DefaultIndexed { get; } = Parse(
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
        "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
        "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
        "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
        "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
        "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
        "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333");

    /// <summary>
    /// The Office theme's colours, in Excel's theme-index order (see <see cref="ThemeSlots"/>), for a workbook that has no
    /// theme part: Excel then paints theme colours from its default theme.
    /// </summary>
    public static IReadOnlyList<RgbColour> DefaultTheme { get; } = Parse(
        "FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72");

    /// <summary>
    /// The clrScheme slots in Excel's theme-index order. The theme part lists dark before light (dk1, lt1, dk2, lt2) but
    /// Excel numbers light first: theme="0" is lt1 (Background 1), theme="1" is dk1 (Text 1).
    /// </summary>
    public static IReadOnlyList<string> ThemeSlots { get; } =
        ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];

    /// <returns>Null for "automatic" and for references to colours that do not exist (system colours 64 and 65 included).</returns>
    public static RgbColour? Resolve(ColourSpec spec, IReadOnlyList<RgbColour> indexed, IReadOnlyList<RgbColour> theme)
    {
        if (spec.Auto)
            return null;

        RgbColour? colour = null;
        if (spec.Rgb is { } rgb)
            colour = TryParse(rgb);
        else if (spec.Theme is { } t)
            colour = t >= 0 && t < theme.Count ? theme[t] : null;
        else if (spec.Indexed is { } i)
            colour = i >= 0 && i < indexed.Count ? indexed[i] : null;

        return colour is { } c && spec.Tint != 0 ? ApplyTint(c, spec.Tint) : colour;
    }

    /// <summary>
    /// ECMA-376 §18.8.19: the colour's HSL luminance moves towards black (tint &lt; 0) or white (tint &gt; 0) by the
    /// tint's fraction, hue and saturation unchanged. Excel's own rounding differs by at most one per channel.
    /// </summary>
    public static RgbColour ApplyTint(RgbColour colour, double tint)
    {
        tint = Math.Clamp(tint, -1, 1);
        var (h, s, l) = ToHsl(colour);
        l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
        return FromHsl(h, s, l);
    }

    public static RgbColour? TryParse(string hex)
    {
        try
        {
            return RgbColour.Parse(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static (double H, double S, double L) ToHsl(RgbColour c)
    {
        double r = c.R / 255.0, g = c.G / 255.0, b = c.B / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var l = (max + min) / 2;
        if (max == min)
            return (0, 0, l);

        var d = max - min;
        var s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
        var h = max == r ? (g - b) / d + (g < b ? 6 : 0)
            : max == g ? (b - r) / d + 2
            : (r - g) / d + 4;
        return (h / 6, s, l);
    }

    private static RgbColour FromHsl(double h, double s, double l)
    {
        l = Math.Clamp(l, 0, 1);
        if (s == 0)
            return new RgbColour(ToByte(l), ToByte(l), ToByte(l));

        var q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        var p = 2 * l - q;
        return new RgbColour(ToByte(Hue(p, q, h + 1.0 / 3)), ToByte(Hue(p, q, h)), ToByte(Hue(p, q, h - 1.0 / 3)));
    }

    private static double Hue(double p, double q, double t)
    {
        if (t < 0)
            t += 1;
        if (t > 1)
            t -= 1;
        if (t < 1.0 / 6)
            return p + (q - p) * 6 * t;
        if (t < 1.0 / 2)
            return q;
        if (t < 2.0 / 3)
            return p + (q - p) * (2.0 / 3 - t) * 6;
        return p;
    }

    private static byte ToByte(double channel) => (byte)Math.Round(Math.Clamp(channel, 0, 1) * 255, MidpointRounding.AwayFromZero);

    private static RgbColour[] Parse(params string[] hex) =>
        Array.ConvertAll(hex, RgbColour.Parse);
}
