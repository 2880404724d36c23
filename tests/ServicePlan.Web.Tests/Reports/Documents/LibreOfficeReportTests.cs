using System.Diagnostics;
using System.Text.RegularExpressions;
using ServicePlan.Data.Reports;
using ServicePlan.Web.Tests.Infrastructure;

namespace ServicePlan.Web.Tests.Reports.Documents;

/// <summary>
/// The cover report must open in a real word processor, not just satisfy the SDK's validator: LibreOffice lays it out
/// and prints it to PDF, and pdftotext reads back what a committee member would see on paper.
/// </summary>
[Collection(RunAlone.Name)]
public sealed partial class LibreOfficeReportTests : IDisposable
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("serviceplan-report-").FullName;

    [Fact]
    public async Task LibreOffice_prints_the_report_with_its_counts_numbering_areas_for_development_and_appendix()
    {
        var libreOffice = Require("libreoffice", "soffice");
        var pdftotext = Require("pdftotext");

        var docx = Path.Combine(_directory, "report.docx");
        using (var file = File.Create(docx))
            CommitteeReportDocx.Write(SampleReports.Quarterly(), file);

        var conversion = await RunAsync(libreOffice,
        [
            // A profile of its own, so a user's open LibreOffice or another test run cannot lock it; deleted with the folder.
            $"-env:UserInstallation=file://{Path.Combine(_directory, $"lo-{Guid.NewGuid():N}")}",
            "--headless",
            "--convert-to", "pdf",
            "--outdir", _directory,
            docx,
        ]);

        var pdf = Path.Combine(_directory, "report.pdf");
        Assert.True(conversion.ExitCode == 0, $"LibreOffice exited with {conversion.ExitCode}: {conversion.Output}");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF: {conversion.Output}");
        Assert.True(new FileInfo(pdf).Length > 0, "The PDF is empty.");

        var text = await RunAsync(pdftotext, ["-layout", pdf, "-"]);
        Assert.Equal(0, text.ExitCode);
        var printed = Whitespace().Replace(text.Output, " ");

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
        var numbers = NumberedLine().Matches(text.Output).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count >= 20, $"Only {numbers.Count} numbered paragraphs were printed:\n{text.Output}");
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    /// <summary>The full path of the first of these programs on PATH; fails, naming the fix, when none is.</summary>
    private static string Require(params string[] programs) =>
        programs.Select(FindOnPath).FirstOrDefault(path => path is not null)
        ?? throw new InvalidOperationException(
            $"{string.Join(" or ", programs)} is not on PATH, so the cover report cannot be checked in a real word processor. "
            + "Run ./test.sh, which installs libreoffice-writer and poppler-utils.");

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ConversionTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {ConversionTimeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await output + await error);
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
