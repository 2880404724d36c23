namespace ServicePlan.Export;

/// <summary>
/// Estimates how tall a row of wrapped Arial 10 text must be. LibreOffice does not size rows to their wrapped text when
/// it opens an .xlsx, and neither program sizes merged cells, so the writer gives every row a height. The estimate
/// leans generous: a line too many leaves a gap; a line too few hides text on the printed page.
/// </summary>
internal static class ExportRowHeights
{
    /// <summary>The height of one line of Arial 10 in Excel.</summary>
    public const double LinePoints = 12.75;

    private const double PaddingPoints = 3;

    // Excel will not make a row taller than this.
    private const double MaxPoints = 409;

    // Excel's column width unit is the width of a digit of the default font: 7 px for Arial 10 at 96 dpi. A cell
    // keeps a few pixels of its width for margins and the gridline.
    private const double PixelsPerWidthUnit = 7;
    private const double CellMarginPixels = 6;
    private const double PixelsPerEm = 10 * 96 / 72.0;

    // Arial Bold is about a tenth wider than Arial.
    private const double BoldFactor = 1.1;

    public static double Points(int lines) => Math.Min(MaxPoints, (lines * LinePoints) + PaddingPoints);

    /// <summary>The lines the text takes when word-wrapped in a column (or merged columns) this wide.</summary>
    public static int Lines(string text, double columnWidth, bool bold = false)
    {
        var available = Math.Max(1, ((columnWidth * PixelsPerWidthUnit) - CellMarginPixels) / PixelsPerEm);
        var scale = bold ? BoldFactor : 1;
        var space = Em(' ') * scale;
        var lines = 0;

        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var width = word.Sum(Em) * scale;
                if (used > 0 && used + space + width <= available)
                {
                    used += space + width;
                    continue;
                }

                if (used > 0)
                    lines++;

                // A word wider than the column is broken across lines, as Excel does.
                var extraLines = (int)Math.Ceiling(width / available) - 1;
                lines += Math.Max(0, extraLines);
                used = width - (Math.Max(0, extraLines) * available);
            }
        }

        return Math.Max(1, lines);
    }

    // Advance widths of Arial in ems, grouped; where a group's letters differ, the wider is taken.
    private static double Em(char c) => c switch
    {
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '!' or '\'' or '|' => 0.278,
        ' ' or 'f' or 't' or 'I' or '/' or '\\' => 0.278,
        'r' or '(' or ')' or '[' or ']' or '-' or '"' => 0.333,
        'm' or 'M' => 0.833,
        'w' => 0.722,
        'W' or '%' or '@' => 1.015,
        >= '0' and <= '9' => 0.556,
        _ when char.IsLower(c) => 0.556,
        _ when char.IsUpper(c) => 0.778,
        _ when c < '\u0080' => 0.667,
        // Scripts Arial lacks are set in a fallback font, often wider.
        _ => 1.0,
    };
}
