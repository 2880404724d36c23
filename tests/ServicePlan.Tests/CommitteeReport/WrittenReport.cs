using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ServicePlan.CommitteeReport;

namespace ServicePlan.Tests.CommitteeReport;

/// <summary>
/// A written .docx opened again for the tests to read as Word would: paragraph text with its breaks, and the number or
/// bullet Word would show before each list paragraph, worked out from the numbering part.
/// </summary>
public sealed class WrittenReport : IDisposable
{
    private readonly MemoryStream _stream;

    private WrittenReport(MemoryStream stream)
    {
        _stream = stream;
        Document = WordprocessingDocument.Open(stream, isEditable: false);
        Body = Document.MainDocumentPart!.Document.Body!;
    }

    public WordprocessingDocument Document { get; }

    public Body Body { get; }

    public static WrittenReport Of(CoverReport report)
    {
        var stream = new MemoryStream();
        CoverReportDocx.Write(report, stream);
        stream.Position = 0;
        return new WrittenReport(stream);
    }

    /// <summary>The paragraphs of the report itself, up to the section break before the appendix.</summary>
    public IReadOnlyList<Paragraph> ReportParagraphs =>
        [.. Body.Elements<Paragraph>().TakeWhile(paragraph => paragraph.ParagraphProperties?.SectionProperties is null)];

    public static string Text(OpenXmlElement element)
    {
        var text = new StringBuilder();
        foreach (var child in element.Descendants())
        {
            if (child is Text t)
                text.Append(t.Text);
            else if (child is Break)
                text.Append('\n');
            else if (child is Paragraph && text.Length > 0)
                text.Append('\n');
        }

        return text.ToString();
    }

    public string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>The number format, level and list of a list paragraph, or null when it is not in a list.</summary>
    public (NumberFormatValues Format, int Level, int List)? ListOf(Paragraph paragraph)
    {
        var numbering = paragraph.ParagraphProperties?.NumberingProperties;
        if (numbering?.NumberingId?.Val is not { } list)
            return null;

        var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
        var definitions = Document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering;
        var instance = definitions.Elements<NumberingInstance>().Single(n => n.NumberID?.Value == list.Value);
        Assert.Empty(instance.Elements<LevelOverride>());
        var abstractId = instance.AbstractNumId!.Val!.Value;
        var definition = definitions.Elements<AbstractNum>().Single(a => a.AbstractNumberId?.Value == abstractId);
        var format = definition.Elements<Level>().Single(l => l.LevelIndex?.Value == level).NumberingFormat!.Val!.Value;
        return (format, level, list.Value);
    }

    /// <summary>Each numbered paragraph of the report with the number Word shows for it: its place in its list.</summary>
    public IReadOnlyList<(int Number, string Text)> NumberedParagraphs()
    {
        var counters = new Dictionary<int, int>();
        var numbered = new List<(int, string)>();
        foreach (var paragraph in ReportParagraphs)
        {
            if (ListOf(paragraph) is not { } list || list.Format != NumberFormatValues.Decimal)
                continue;

            var definitions = Document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering;
            var abstractId = definitions.Elements<NumberingInstance>().Single(n => n.NumberID?.Value == list.List).AbstractNumId!.Val!.Value;
            var start = definitions.Elements<AbstractNum>().Single(a => a.AbstractNumberId?.Value == abstractId)
                .Elements<Level>().Single(l => l.LevelIndex?.Value == list.Level).StartNumberingValue!.Val!.Value;

            counters[list.List] = counters.TryGetValue(list.List, out var previous) ? previous + 1 : start;
            numbered.Add((counters[list.List], Text(paragraph)));
        }

        return numbered;
    }

    /// <summary>The bullets straight after the (first) paragraph with this text.</summary>
    public IReadOnlyList<string> BulletsAfter(string text) =>
        [.. ReportParagraphs
            .SkipWhile(paragraph => Text(paragraph) != text)
            .Skip(1)
            .TakeWhile(paragraph => ListOf(paragraph)?.Format == NumberFormatValues.Bullet)
            .Select(Text)];

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
