using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ServicePlan.Plans;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// Appendix 1, the plan table, as the council prints it: on landscape pages, the header row repeated at the top of
/// every page, each section as a full-width shaded row, and the rating written in its cell on the rating's colour
/// (colour is never the only cue: a black-and-white print, or a reader who cannot tell red from green, still has the word).
/// </summary>
internal static class DocxAppendixWriter
{
    // Twips, adding up to the landscape text width. Comments on progress are the longest texts, so they get the most room.
    private static readonly int[] ColumnWidths = WidthsFilling([800, 2100, 900, 2500, 1000, 1900, 1900, 1000], DocxPageWriter.LandscapeTextWidth);

    private const string HeaderFill = "D9D9D9";
    private const string SectionFill = "F2F2F2";

    public static IEnumerable<OpenXmlElement> Write(ReportHeader header, PlanTable plan)
    {
        yield return DocxParagraphWriter.Styled(DocxStylesWriter.Heading1, ReportContentWriter.AppendixTitle(header));
        yield return Table(plan);

        // Word keeps a paragraph after a table at the end of a document; an explicit one, tiny, cannot spill onto a
        // blank page of its own.
        yield return new Paragraph(new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
        });
    }

    private static Table Table(PlanTable plan)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = DocxStylesWriter.TableGrid },
                new TableWidth { Width = DocxPageWriter.Twips(DocxPageWriter.LandscapeTextWidth), Type = TableWidthUnitValues.Dxa },
                DocxStylesWriter.Borders<TableBorders>(),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(ColumnWidths.Select(width => new GridColumn { Width = DocxPageWriter.Twips(width) })));

        table.Append(HeaderRow());
        foreach (var section in plan.Sections)
        {
            table.Append(SectionRow(section.Title));
            foreach (var row in section.Rows)
                table.Append(ActionRow(row));
        }

        return table;
    }

    /// <summary>Marked as a header row, so Word and LibreOffice repeat it at the top of each printed page.</summary>
    private static TableRow HeaderRow() => new(
        [
            new TableRowProperties(new CantSplit(), new TableHeader()),
            .. ReportContentWriter.AppendixColumns.Select((heading, column) =>
                Cell(column, heading, DocxParagraphWriter.Bold, fill: HeaderFill)),
        ]);

    /// <summary>One cell across the whole table, kept with the first action below it.</summary>
    private static TableRow SectionRow(string title)
    {
        var cell = new TableCell(
            new TableCellProperties
            {
                TableCellWidth = new TableCellWidth { Width = DocxPageWriter.Twips(DocxPageWriter.LandscapeTextWidth), Type = TableWidthUnitValues.Dxa },
                GridSpan = new GridSpan { Val = ColumnWidths.Length },
                Shading = Fill(SectionFill),
            },
            DocxParagraphWriter.Paragraph(
                ReportContentWriter.Clean(title).Trim(),
                new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStylesWriter.TableText }, KeepNext = new KeepNext() },
                DocxParagraphWriter.Bold));
        return new TableRow(new TableRowProperties(new CantSplit()), cell);
    }

    private static TableRow ActionRow(PlanTableRow row)
    {
        string[] cells =
            [row.Ref, row.Why, row.Who, row.DoesWhat, row.ByWhen, row.Measure, row.Experience, ReportContentWriter.RatingText(row.Rating), row.LatestComment];

        var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
        for (var column = 0; column < cells.Length; column++)
        {
            var text = ReportContentWriter.Clean(cells[column]).Trim();
            if (column == ReportContentWriter.RatingColumn && ReportContentWriter.RatingColours(row.Rating) is var (fill, colour))
                tableRow.Append(Cell(column, text, () => RatingRun(colour), fill));
            else
                tableRow.Append(Cell(column, text, run: null, fill: null));
        }

        return tableRow;
    }

    private static RunProperties RatingRun(string colour)
    {
        var run = DocxParagraphWriter.Bold();
        run.Color = new Color { Val = colour };
        return run;
    }

    private static TableCell Cell(int column, string text, Func<RunProperties>? run, string? fill) => new(
        new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = DocxPageWriter.Twips(ColumnWidths[column]), Type = TableWidthUnitValues.Dxa },
            Shading = fill is null ? null : Fill(fill),
        },
        DocxParagraphWriter.Styled(DocxStylesWriter.TableText, text, run));

    private static Shading Fill(string colour) => new() { Val = ShadingPatternValues.Clear, Color = "auto", Fill = colour };

    private static int[] WidthsFilling(int[] widths, int total) => [.. widths, total - widths.Sum()];
}
