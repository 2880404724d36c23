using System.Text;
using ServicePlan.Export;

namespace ServicePlan.CommitteeReport;

/// <summary>The cover report as Word (the default), a print-friendly page, or JSON.</summary>
public static class CoverReportFiles
{
    public static IReadOnlyList<FileFormat<CoverReport>> Formats { get; } =
    [
        new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CoverReportDocx.Write),
        new("html", "text/html; charset=utf-8", (report, stream) => WriteText(CoverReportHtml.Render(report), stream)),
        new("json", "application/json", (report, stream) => WriteText(CoverReportJson.Render(report), stream)),
    ];

    /// <summary>The subject without characters a file name cannot hold; a public paper says so in its name.</summary>
    public static string FileName(CoverReport report, bool isPublic, FileFormat<CoverReport> format)
    {
        var parts = report.Header.Subject.Split(Path.GetInvalidFileNameChars().Append(' ').Append(':').ToArray(), StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', parts) + (isPublic ? "-public" : "") + format.Extension;
    }

    // No byte-order mark, as the page has always sent.
    private static void WriteText(string text, Stream stream) => stream.Write(Encoding.UTF8.GetBytes(text));
}
