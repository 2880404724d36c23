using DocumentFormat.OpenXml.Wordprocessing;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// The bordered table at the top of every council committee report: committee and date, subject and whether the paper
/// is public, who it is from and who wrote it. Each cell holds its label in bold over its value, as seed 001 does.
/// </summary>
internal static class DocxHeaderTableWriter
{
    // A4 portrait less two 2.54 cm margins is 9,026 twips; the date column needs only a third of it.
    private const int LeftWidth = 6026;
    private const int RightWidth = 3000;

    public static Table Write(ReportHeader header)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = DocxStylesWriter.TableGrid },
                new TableWidth { Width = DocxPageWriter.Twips(LeftWidth + RightWidth), Type = TableWidthUnitValues.Dxa },
                DocxStylesWriter.Borders<TableBorders>(),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = DocxPageWriter.Twips(LeftWidth) }, new GridColumn { Width = DocxPageWriter.Twips(RightWidth) }));

        foreach (var (left, right) in ReportContentWriter.HeaderRows(header))
            table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(left, LeftWidth), Cell(right, RightWidth)));

        return table;
    }

    private static TableCell Cell(ReportHeaderCell content, int width)
    {
        var cell = new TableCell(new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = DocxPageWriter.Twips(width), Type = TableWidthUnitValues.Dxa },
        });

        if (content.Label is not null)
            cell.Append(CellParagraph(content.Label, DocxParagraphWriter.Bold));

        // A cell must end with a paragraph, even an empty one.
        if (content.Value.Length > 0 || content.Label is null)
            cell.Append(CellParagraph(content.Value, null));

        return cell;
    }

    private static Paragraph CellParagraph(string text, Func<RunProperties>? run) =>
        DocxParagraphWriter.Paragraph(text, new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "60", After = "60" },
        }, run);
}
