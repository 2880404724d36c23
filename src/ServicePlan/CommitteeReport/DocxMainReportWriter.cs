using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// The report's text as Word paragraphs: headings in heading styles, numbered paragraphs in one Word list so the numbers
/// run on through the whole main report (and renumber themselves when an officer inserts a paragraph), bullets indented
/// under the paragraph they belong to.
/// </summary>
internal static class DocxMainReportWriter
{
    public static IEnumerable<OpenXmlElement> Write(IEnumerable<ReportBlock> blocks) => blocks.SelectMany(Block);

    private static IEnumerable<OpenXmlElement> Block(ReportBlock block) => block switch
    {
        ReportHeading heading => [DocxParagraphWriter.Styled(HeadingStyle(heading.Level), heading.Text)],
        ReportParagraph paragraph => [DocxParagraphWriter.Paragraph(paragraph.Text)],
        ReportNumbered numbered =>
        [
            ListParagraph(numbered.Text, DocxStylesWriter.NumberedList, level: 0, keepWithNext: numbered.Bullets.Count > 0),
            .. numbered.Bullets.Select((text, i) => ListParagraph(text, DocxStylesWriter.BulletList, level: 1, keepWithNext: i < numbered.Bullets.Count - 1)),
        ],
        ReportBullets bullets =>
            bullets.Items.Select((text, i) => ListParagraph(text, DocxStylesWriter.BulletList, level: 0, keepWithNext: i < bullets.Items.Count - 1)),
        ReportAuthor author => Author(author),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Not a part of the report."),
    };

    private static string HeadingStyle(int level) => level switch
    {
        1 => DocxStylesWriter.Heading1,
        2 => DocxStylesWriter.Heading2,
        _ => DocxStylesWriter.Heading3,
    };

    /// <summary>
    /// A paragraph of a list. A paragraph and its bullets are kept on one page, so "There are:" is never parted from
    /// its counts.
    /// </summary>
    private static Paragraph ListParagraph(string text, int list, int level, bool keepWithNext) =>
        DocxParagraphWriter.Paragraph(text, new ParagraphProperties
        {
            KeepNext = keepWithNext ? new KeepNext() : null,
            NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = level },
                new NumberingId { Val = list }),
            // Bullets sit close together under their paragraph, as in the seeds.
            SpacingBetweenLines = list == DocxStylesWriter.BulletList ? new SpacingBetweenLines { After = "60" } : null,
        });

    /// <summary>The name in bold with a gap above it, then one line each for title, phone and e-mail.</summary>
    private static IEnumerable<Paragraph> Author(ReportAuthor author)
    {
        yield return DocxParagraphWriter.Paragraph(author.Name, new ParagraphProperties
        {
            KeepNext = new KeepNext(),
            SpacingBetweenLines = new SpacingBetweenLines { Before = "360", After = "60" },
        }, DocxParagraphWriter.Bold);

        for (var i = 0; i < author.Lines.Count; i++)
        {
            var last = i == author.Lines.Count - 1;
            yield return DocxParagraphWriter.Paragraph(author.Lines[i], new ParagraphProperties
            {
                KeepNext = last ? null : new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { After = "60" },
            });
        }
    }
}
