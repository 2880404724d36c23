using DocumentFormat.OpenXml.Wordprocessing;

namespace ServicePlan.CommitteeReport;

/// <summary>Paragraphs of plain text: the one place text becomes runs, so every part keeps line breaks the same way.</summary>
internal static class DocxParagraphWriter
{
    /// <summary>A paragraph of the given style; line breaks in the text become breaks within it.</summary>
    public static Paragraph Paragraph(string text, ParagraphProperties? properties = null, Func<RunProperties>? run = null)
    {
        var paragraph = new Paragraph();
        if (properties is not null)
            paragraph.Append(properties);
        if (text.Length > 0)
            paragraph.Append(Run(text, run?.Invoke()));
        return paragraph;
    }

    public static Paragraph Styled(string style, string text, Func<RunProperties>? run = null) =>
        Paragraph(text, new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } }, run);

    /// <summary>
    /// One run for the whole text, with a break between lines. Spaces are preserved: XML readers would otherwise be free
    /// to drop a leading or trailing space.
    /// </summary>
    public static Run Run(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
            run.Append(properties);

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    public static RunProperties Bold() => new() { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() };
}
