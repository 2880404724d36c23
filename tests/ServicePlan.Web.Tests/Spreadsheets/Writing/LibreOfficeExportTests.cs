using System.Diagnostics;
using ServicePlan.Data.Spreadsheets;

using ServicePlan.Web.Tests.Infrastructure;

namespace ServicePlan.Web.Tests.Spreadsheets.Writing;

/// <summary>
/// The exported .xlsx must open in a real spreadsheet program, not just satisfy the SDK's validator: LibreOffice
/// converts it to PDF, which lays out every page as a committee paper would print.
/// </summary>
[Collection(RunAlone.Name)]
public sealed class LibreOfficeExportTests : IDisposable
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("serviceplan-export-").FullName;

    [Fact]
    public async Task LibreOffice_converts_the_exported_workbook_to_a_PDF_showing_the_plan()
    {
        var libreOffice = FindOnPath("libreoffice") ?? FindOnPath("soffice")
            ?? throw new InvalidOperationException(
                "LibreOffice (libreoffice or soffice) is not on PATH, so the exported .xlsx cannot be checked. Run ./test.sh, which installs it.");

        var workbook = Path.Combine(_directory, "plan.xlsx");
        using (var file = File.Create(workbook))
            XlsxPlanWriter.Write(SamplePlans.Sample(), file);

        var result = await RunAsync(libreOffice,
        [
            // A profile of its own, so parallel test runs do not fight over the user's.
            $"-env:UserInstallation=file://{Path.Combine(_directory, "profile")}",
            "--headless",
            "--convert-to", "pdf",
            "--outdir", _directory,
            workbook,
        ]);

        var pdf = Path.Combine(_directory, "plan.pdf");
        Assert.True(result.ExitCode == 0, $"LibreOffice exited with {result.ExitCode}: {result.Output}");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF: {result.Output}");
        Assert.True(new FileInfo(pdf).Length > 0, "The PDF is empty.");

        if (FindOnPath("pdftotext") is { } pdftotext)
        {
            var text = await RunAsync(pdftotext, ["-layout", pdf, "-"]);
            Assert.Equal(0, text.ExitCode);
            Assert.Contains(SamplePlans.Title, text.Output, StringComparison.Ordinal);
            Assert.Contains("Audit 2024 service wide recommendations", text.Output, StringComparison.Ordinal);
            Assert.Contains("Amber", text.Output, StringComparison.Ordinal);
        }
    }

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

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A LibreOffice process that outlived its timeout may still hold the profile; the temp folder is swept anyway.
        }
    }
}
