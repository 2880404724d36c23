using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using ServicePlan.Export;

namespace ServicePlan.Import;

/// <summary>What a cell's style index (its s attribute) means for reading: its fill as RGB, and whether it shows a date.</summary>
internal sealed class XlsxStyles(RgbColour?[] fills, bool[] dates)
{
    public static XlsxStyles None { get; } = new([], []);

    public RgbColour? Fill(int style) => style >= 0 && style < fills.Length ? fills[style] : null;

    public bool IsDate(int style) => style >= 0 && style < dates.Length && dates[style];
}

/// <summary>Reads styles.xml and the theme's colour scheme, streaming both like the sheets.</summary>
internal static class XlsxStylesReader
{
    public static XlsxStyles Read(WorkbookStylesPart? stylesPart, ThemePart? themePart, ReadLimits limits)
    {
        if (stylesPart is null)
            return XlsxStyles.None;

        var theme = themePart is null ? ExcelColours.DefaultTheme : ReadTheme(themePart, limits);
        var formats = new Dictionary<int, string>();
        var fills = new List<ColourSpec?>();
        var cellFormats = new List<(int NumberFormat, int Fill)>();
        var palette = new List<RgbColour>();

        using var reader = XlsxReader.OpenPart(stylesPart, limits);
        string? section = null;
        ColourSpec? fill = null;
        var inPatternFill = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.Depth == 1)
                    section = null;
                else if (section == "fills" && reader.LocalName == "fill")
                    fills.Add(fill);
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
                continue;

            // Only these four lists matter; dxfs (conditional formats) also hold fills and numFmts, which must not count.
            var name = reader.LocalName;
            if (reader.Depth == 1)
            {
                section = !reader.IsEmptyElement && name is "numFmts" or "fills" or "cellXfs" or "colors" ? name : null;
                continue;
            }

            switch (section, name)
            {
                case ("numFmts", "numFmt"):
                    if (Int(reader, "numFmtId") is { } id)
                        formats[id] = reader.GetAttribute("formatCode") ?? "";
                    break;
                case ("fills", "fill"):
                    fill = null;
                    inPatternFill = false;
                    if (reader.IsEmptyElement)
                        fills.Add(null);
                    break;
                case ("fills", "patternFill"):
                    // "none" and "gray125" are the two fills every workbook starts with; neither is a colour the user chose.
                    inPatternFill = (reader.GetAttribute("patternType") ?? "none") is not ("none" or "gray125");
                    break;
                case ("fills", "fgColor") when inPatternFill:
                    fill = Colour(reader);
                    break;
                case ("cellXfs", "xf"):
                    cellFormats.Add((Int(reader, "numFmtId") ?? 0, Int(reader, "fillId") ?? 0));
                    break;
                case ("colors", "rgbColor"):
                    palette.Add(ExcelColours.TryParse(reader.GetAttribute("rgb") ?? "") ?? default);
                    break;
            }
        }

        IReadOnlyList<RgbColour> indexed = palette.Count > 0 ? palette : ExcelColours.DefaultIndexed;
        var resolved = fills.ConvertAll(f => f is null ? null : ExcelColours.Resolve(f, indexed, theme));
        var cellFills = new RgbColour?[cellFormats.Count];
        var cellDates = new bool[cellFormats.Count];
        for (var i = 0; i < cellFormats.Count; i++)
        {
            var (numberFormat, fillId) = cellFormats[i];
            cellFills[i] = fillId >= 0 && fillId < resolved.Count ? resolved[fillId] : null;
            cellDates[i] = formats.TryGetValue(numberFormat, out var code) ? IsDateFormat(code) : IsBuiltInDate(numberFormat);
        }

        return new XlsxStyles(cellFills, cellDates);
    }

    /// <summary>
    /// Built-in formats 14-17 and 22 are dates (22 with a time); 27-36 and 50-58 are the East Asian locales' dates.
    /// 18-21 and 45-47 are times of day, not dates, so a due date cannot be one of them.
    /// </summary>
    public static bool IsBuiltInDate(int id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    /// <summary>
    /// A custom format shows a date when it has a day or year token, or a month token without hours or seconds beside
    /// it (in "h:mm" and "mm:ss" the m is minutes). Quoted text, [colours and locales], escaped characters and AM/PM are
    /// not tokens.
    /// </summary>
    public static bool IsDateFormat(string code)
    {
        bool day = false, month = false, year = false, time = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            switch (c)
            {
                case '"':
                    i = SkipTo(code, i, '"');
                    break;
                case '[':
                    i = SkipTo(code, i, ']');
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'a' when code.AsSpan(i).StartsWith("am/pm", StringComparison.OrdinalIgnoreCase):
                    i += 4;
                    break;
                case 'a' when code.AsSpan(i).StartsWith("a/p", StringComparison.OrdinalIgnoreCase):
                    i += 2;
                    break;
                case 'd':
                    day = true;
                    break;
                case 'm':
                    month = true;
                    break;
                case 'y':
                    year = true;
                    break;
                case 'h' or 's':
                    time = true;
                    break;
            }
        }

        return day || year || month && !time;
    }

    private static int SkipTo(string code, int from, char end)
    {
        var at = code.IndexOf(end, from + 1);
        return at < 0 ? code.Length : at;
    }

    private static IReadOnlyList<RgbColour> ReadTheme(ThemePart themePart, ReadLimits limits)
    {
        var slots = new Dictionary<string, RgbColour>();
        using var reader = XlsxReader.OpenPart(themePart, limits);
        var schemeDepth = -1;
        string? slot = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == schemeDepth)
                break;
            if (reader.NodeType != XmlNodeType.Element)
                continue;

            if (schemeDepth < 0)
            {
                if (reader.LocalName == "clrScheme")
                    schemeDepth = reader.Depth;
            }
            else if (reader.Depth == schemeDepth + 1)
            {
                slot = reader.LocalName;
            }
            else if (reader.Depth == schemeDepth + 2 && slot is not null)
            {
                RgbColour? colour = reader.LocalName switch
                {
                    "srgbClr" => ExcelColours.TryParse(reader.GetAttribute("val") ?? ""),
                    "sysClr" => ExcelColours.TryParse(reader.GetAttribute("lastClr") ?? "")
                        ?? (reader.GetAttribute("val") == "window" ? new RgbColour(255, 255, 255) : new RgbColour(0, 0, 0)),
                    _ => null,
                };
                if (colour is { } c)
                    slots[slot] = c;
            }
        }

        return ExcelColours.ThemeSlots
            .Select((s, i) => slots.TryGetValue(s, out var colour) ? colour : ExcelColours.DefaultTheme[i])
            .ToArray();
    }

    private static ColourSpec Colour(XmlReader reader) => new(
        reader.GetAttribute("rgb"),
        Int(reader, "indexed"),
        Int(reader, "theme"),
        double.TryParse(reader.GetAttribute("tint"), NumberStyles.Float, CultureInfo.InvariantCulture, out var tint) ? tint : 0,
        reader.GetAttribute("auto") is "1" or "true");

    internal static int? Int(XmlReader reader, string localName) =>
        int.TryParse(reader.GetAttribute(localName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
