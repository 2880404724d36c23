using ServicePlan.Export;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Tests.Export;

namespace ServicePlan.IntegrationTests.Export;

/// <summary>
/// The exported .xlsx must open in a real spreadsheet program, not just satisfy the SDK's validator: LibreOffice
/// converts it to PDF, which lays out every page as a committee paper would print.
/// </summary>
[Collection(RunAlone.Name)]
public sealed class LibreOfficeExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("serviceplan-export-").FullName;

    [Fact]
    public async Task LibreOffice_converts_the_exported_workbook_to_a_PDF_showing_the_plan()
    {
        var workbook = Path.Combine(_directory, "plan.xlsx");
        using (var file = File.Create(workbook))
            XlsxPlanWriter.Write(SamplePlans.Sample(), file);

        var text = await LibreOffice.PrintedTextAsync(workbook);

        Assert.Contains(SamplePlans.Title, text, StringComparison.Ordinal);
        Assert.Contains("Audit 2024 service wide recommendations", text, StringComparison.Ordinal);
        Assert.Contains("Amber", text, StringComparison.Ordinal);
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
