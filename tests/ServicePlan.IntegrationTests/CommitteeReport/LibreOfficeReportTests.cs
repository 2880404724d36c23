using System.Text.RegularExpressions;
using ServicePlan.CommitteeReport;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Tests.CommitteeReport;

namespace ServicePlan.IntegrationTests.CommitteeReport;

/// <summary>
/// The cover report must open in a real word processor, not just satisfy the SDK's validator: LibreOffice lays it out
/// and prints it to PDF, and pdftotext reads back what a committee member would see on paper.
/// </summary>
[Collection(RunAlone.Name)]
public sealed partial class LibreOfficeReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("serviceplan-report-").FullName;

    [Fact]
    public async Task LibreOffice_prints_the_report_with_its_counts_numbering_areas_for_development_and_appendix()
    {
        var docx = Path.Combine(_directory, "report.docx");
        using (var file = File.Create(docx))
            CoverReportDocx.Write(SampleReports.Quarterly(), file);

        var text = await LibreOffice.PrintedTextAsync(docx);
        var printed = Whitespace().Replace(text, " ");

        Assert.Contains("Committee(s):", printed, StringComparison.Ordinal);
        Assert.Contains("Public", printed, StringComparison.Ordinal);
        Assert.Contains("Service Development Plan 2024–25: quarter 3 update", printed, StringComparison.Ordinal);
        Assert.Contains("There are:", printed, StringComparison.Ordinal);
        Assert.Contains("4 tasks marked blue", printed, StringComparison.Ordinal);
        Assert.Contains("2 tasks marked amber", printed, StringComparison.Ordinal);
        Assert.Contains("This is an amber action.", printed, StringComparison.Ordinal);
        Assert.Contains(SampleReports.AmberComment, printed, StringComparison.Ordinal);
        Assert.Contains($"Appendix 1 – {SampleReports.PlanTitle}", printed, StringComparison.Ordinal);
        Assert.Contains("Comments on progress", printed, StringComparison.Ordinal);
        Assert.Contains("Amber", printed, StringComparison.Ordinal);

        // Word numbering is drawn by the word processor, not stored in the text: the numbers must come out 1, 2, 3 ...
        var numbers = NumberedLine().Matches(text).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count >= 20, $"Only {numbers.Count} numbered paragraphs were printed:\n{text}");
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A numbered paragraph's label at the start of a printed line: "   12.   There are:".
    [GeneratedRegex(@"^\s{0,12}(\d{1,3})\.\s{2,}\S", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A LibreOffice process that outlived its timeout may still hold a file; the temp folder is swept anyway.
        }
    }
}
