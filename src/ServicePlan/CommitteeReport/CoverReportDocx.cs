using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// Writes the committee cover report as a Word document in the council template of the seeds: the header table, the
/// report in portrait with its numbered paragraphs, then Appendix 1 (the plan table) in a landscape section of its own.
/// Each part has a small writer of its own; this class only puts the package together.
/// </summary>
public static class CoverReportDocx
{
    public static void Write(CoverReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // The zip package needs to seek back and read; a web response body can do neither.
        if (!output.CanSeek || !output.CanRead)
        {
            using var buffer = new MemoryStream();
            WritePackage(report, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        WritePackage(report, output);
    }

    private static void WritePackage(CoverReport report, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var header = report.Header;
        document.PackageProperties.Title = ReportContentWriter.Clean(header.Subject).Replace('\n', ' ');
        document.PackageProperties.Subject = ReportContentWriter.Clean($"{header.PlanTitle}: {header.ReviewLabel}").Replace('\n', ' ');
        document.PackageProperties.Creator = ReportContentWriter.Clean(header.AuthorName).Replace('\n', ' ');
        document.PackageProperties.Language = "en-GB";

        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStylesWriter.Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = DocxStylesWriter.Numbering();
        main.AddNewPart<DocumentSettingsPart>().Settings = DocxStylesWriter.Settings();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = DocxPageWriter.Footer();
        var footerId = main.GetIdOfPart(footer);

        var body = new Body();
        body.Append(DocxHeaderTableWriter.Write(header));
        body.Append(DocxMainReportWriter.Write(ReportContentWriter.MainText(report)));

        // A section ends with the paragraph that carries its properties: this one closes the portrait report, so the
        // appendix starts on a new, landscape page.
        body.Append(new Paragraph(new ParagraphProperties { SectionProperties = DocxPageWriter.Portrait(footerId) }));

        body.Append(DocxAppendixWriter.Write(header, report.Appendix));
        body.Append(DocxPageWriter.Landscape(footerId));

        main.Document = new Document(body);
    }
}
