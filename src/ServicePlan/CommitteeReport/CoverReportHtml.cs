using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ServicePlan.Plans;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// The committee cover report as one standalone, print-friendly html page: the same words in the same order as the
/// .docx, for members who read papers in a browser or print them. Everything it needs is in the file (a downloaded page
/// has no site to fetch styles from), and every text from the plan is html-encoded: comments are typed by many people.
/// </summary>
public static class CoverReportHtml
{
    // Keeps letters such as "–" and "é" readable in the file; the characters html gives meaning to are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(CoverReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        var html = new StringBuilder(16_384 + (report.Appendix.Sections.Sum(section => section.Rows.Count) * 1_024));
        var subject = ReportContentWriter.Clean(report.Header.Subject).Trim();

        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<article class=\"report\">\n")
            .Append("<h1>").Append(Lines(subject)).Append("</h1>\n");

        HeaderTable(html, report.Header);
        MainText(html, ReportContentWriter.MainText(report));

        html.Append("</article>\n");
        Appendix(html, report.Header, report.Appendix);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void HeaderTable(StringBuilder html, ReportHeader header)
    {
        html.Append("<table class=\"cover\">\n");
        foreach (var (left, right) in ReportContentWriter.HeaderRows(header))
            html.Append("<tr>").Append(HeaderCell(left)).Append(HeaderCell(right)).Append("</tr>\n");
        html.Append("</table>\n");

        static string HeaderCell(ReportHeaderCell cell) => cell.Label is null
            ? $"<td>{Lines(cell.Value)}</td>"
            : $"<td><span class=\"label\">{Encode(cell.Label)}</span><br>{Lines(cell.Value)}</td>";
    }

    /// <summary>
    /// Runs of numbered paragraphs become ordered lists whose start carries the count on, so the numbers run through
    /// the whole main report as in the .docx, and a screen reader still hears a list.
    /// </summary>
    private static void MainText(StringBuilder html, IEnumerable<ReportBlock> blocks)
    {
        var number = 0;
        var inList = false;
        foreach (var block in blocks)
        {
            if (block is ReportNumbered numbered)
            {
                number++;
                if (!inList)
                {
                    html.Append("<ol class=\"numbered\" start=\"").Append(number.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
                    inList = true;
                }

                html.Append("<li><p>").Append(Lines(numbered.Text)).Append("</p>");
                if (numbered.Bullets.Count > 0)
                    Bullets(html, numbered.Bullets);
                html.Append("</li>\n");
                continue;
            }

            if (inList)
            {
                html.Append("</ol>\n");
                inList = false;
            }

            switch (block)
            {
                case ReportHeading heading:
                    // The subject is the page's h1, so the template's top headings are h2.
                    var tag = $"h{Math.Clamp(heading.Level + 1, 2, 4)}";
                    html.Append('<').Append(tag).Append('>').Append(Lines(heading.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case ReportParagraph paragraph:
                    html.Append("<p>").Append(Lines(paragraph.Text)).Append("</p>\n");
                    break;
                case ReportBullets bullets:
                    Bullets(html, bullets.Items);
                    break;
                case ReportAuthor author:
                    html.Append("<address><strong>").Append(Lines(author.Name)).Append("</strong>");
                    foreach (var line in author.Lines)
                        html.Append("<br>").Append(Lines(line));
                    html.Append("</address>\n");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(blocks), block, "Not a part of the report.");
            }
        }

        if (inList)
            html.Append("</ol>\n");
    }

    private static void Bullets(StringBuilder html, IEnumerable<string> items)
    {
        html.Append("<ul>");
        foreach (var item in items)
            html.Append("<li>").Append(Lines(item)).Append("</li>");
        html.Append("</ul>\n");
    }

    /// <summary>
    /// The plan table on landscape pages when printed: a header that repeats on each page (thead), one tbody per
    /// section headed by its title, and the rating written on its colour.
    /// </summary>
    private static void Appendix(StringBuilder html, ReportHeader header, PlanTable plan)
    {
        html.Append("<section class=\"appendix\" aria-labelledby=\"appendix-title\">\n<h2 id=\"appendix-title\">")
            .Append(Lines(ReportContentWriter.AppendixTitle(header)))
            .Append("</h2>\n<table class=\"plan\">\n<colgroup>");
        foreach (var width in AppendixWidths)
            html.Append("<col style=\"width:").Append(width.ToString(CultureInfo.InvariantCulture)).Append("%\">");
        html.Append("</colgroup>\n<thead><tr>");
        foreach (var column in ReportContentWriter.AppendixColumns)
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        html.Append("</tr></thead>\n");

        foreach (var section in plan.Sections)
        {
            html.Append("<tbody>\n<tr class=\"section\"><th scope=\"colgroup\" colspan=\"")
                .Append(ReportContentWriter.AppendixColumns.Count.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(Lines(ReportContentWriter.Clean(section.Title).Trim())).Append("</th></tr>\n");

            foreach (var row in section.Rows)
            {
                html.Append("<tr>");
                string[] cells = [row.Ref, row.Why, row.Who, row.DoesWhat, row.ByWhen, row.Measure, row.Experience, ReportContentWriter.RatingText(row.Rating), row.LatestComment];
                for (var column = 0; column < cells.Length; column++)
                {
                    var text = Lines(ReportContentWriter.Clean(cells[column]).Trim());
                    if (column == ReportContentWriter.RatingColumn && ReportContentWriter.RatingColours(row.Rating) is not null)
                        html.Append("<td class=\"rating rating-").Append(row.Rating.ToString().ToLowerInvariant()).Append("\">").Append(text).Append("</td>");
                    else
                        html.Append("<td>").Append(text).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    // Percentages of the table width, in the proportions of the .docx appendix.
    private static readonly int[] AppendixWidths = [5, 14, 6, 16, 6, 12, 12, 7, 22];

    private static string Encode(string text) => Encoder.Encode(text);

    /// <summary>Encoded text with its line breaks kept as &lt;br&gt;.</summary>
    private static string Lines(string text) => string.Join("<br>", ReportContentWriter.Clean(text).Split('\n').Select(Encode));

    // Colours as the .docx and the xlsx export: white on blue and red, black on amber and green (contrast of at least
    // 4.5:1). Browsers leave backgrounds out of print unless told, so the fills are marked as needed in print.
    private const string Style = """
        @page { size: A4; margin: 2cm; }
        @page appendix { size: A4 landscape; margin: 1.27cm; }
        body { margin: 0; font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; }
        .report { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 16pt; margin: 0 0 1rem; }
        h2 { font-size: 14pt; margin: 1.6rem 0 0.5rem; }
        h3 { font-size: 12pt; margin: 1.3rem 0 0.4rem; }
        h4 { font-size: 11pt; margin: 1rem 0 0.3rem; }
        h2, h3, h4 { break-after: avoid; }
        table { border-collapse: collapse; }
        .cover { width: 100%; margin-bottom: 1rem; }
        .cover td { border: 1px solid #000; padding: 0.3rem 0.5rem; vertical-align: top; }
        .cover td:first-child { width: 66%; }
        .label { font-weight: bold; }
        ol.numbered { padding-left: 2.2em; margin: 0; }
        ol.numbered > li { margin-bottom: 0.6em; }
        ol.numbered p { margin: 0 0 0.3em; }
        ul { margin: 0.2em 0 0.8em; padding-left: 1.6em; }
        address { font-style: normal; margin-top: 2rem; break-inside: avoid; }
        .appendix { margin: 2rem 1rem; page: appendix; break-before: page; }
        .plan { width: 100%; table-layout: fixed; font-size: 8pt; line-height: 1.3; }
        .plan th, .plan td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        .plan thead { display: table-header-group; }
        .plan thead th { background: #D9D9D9; }
        .plan .section th { background: #F2F2F2; }
        .plan tr { break-inside: avoid; }
        .plan tr.section { break-after: avoid; }
        .rating { font-weight: bold; }
        .rating-blue { background: #0070C0; color: #FFFFFF; }
        .rating-red { background: #C00000; color: #FFFFFF; }
        .rating-amber { background: #FFC000; color: #000000; }
        .rating-green { background: #00B050; color: #000000; }
        .plan th, .plan td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media print {
          .report { max-width: none; margin: 0; padding: 0; }
          .appendix { margin: 0; }
        }

        """;
}
