using DocumentFormat.OpenXml.Wordprocessing;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// Page set-up: the cover report on A4 portrait with the usual 2.54 cm margins, the appendix on A4 landscape with
/// narrow margins so its nine columns are readable, and a page-number footer on both. A4 is given explicitly: without
/// it Word uses the printer's default, which is Letter in the US.
/// </summary>
internal static class DocxPageWriter
{
    private const uint A4Short = 11906;
    private const uint A4Long = 16838;
    private const int WideMargin = 1440;
    private const int NarrowMargin = 720;

    /// <summary>The text width of the landscape appendix page, which its table's columns add up to.</summary>
    public const int LandscapeTextWidth = (int)A4Long - (2 * NarrowMargin);

    public static SectionProperties Portrait(string footerId) => Section(footerId, A4Short, A4Long, WideMargin, landscape: false);

    public static SectionProperties Landscape(string footerId) => Section(footerId, A4Long, A4Short, NarrowMargin, landscape: true);

    /// <summary>"Page n" centred at the foot of every page, so a printed paper's pages can be put back in order.</summary>
    public static Footer Footer() => new(new Paragraph(
        new ParagraphProperties
        {
            Justification = new Justification { Val = JustificationValues.Center },
            SpacingBetweenLines = new SpacingBetweenLines { After = "0" },
        },
        new Run(new RunProperties { FontSize = new FontSize { Val = "18" } }, new Text("Page ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new RunProperties { FontSize = new FontSize { Val = "18" } }, new Text("1"))) { Instruction = " PAGE " }));

    /// <summary>A length in twentieths of a point, as Word's string-valued width attributes take it.</summary>
    public static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static SectionProperties Section(string footerId, uint width, uint height, int margin, bool landscape) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new SectionType { Val = SectionMarkValues.NextPage },
        new PageSize { Width = width, Height = height, Orient = landscape ? PageOrientationValues.Landscape : null },
        new PageMargin
        {
            Top = margin,
            Bottom = margin,
            Left = (uint)margin,
            Right = (uint)margin,
            Header = 360,
            Footer = 360,
            Gutter = 0,
        });
}
