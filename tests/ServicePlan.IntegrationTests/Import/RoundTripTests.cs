using Microsoft.EntityFrameworkCore;
using ServicePlan.Export;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;

namespace ServicePlan.IntegrationTests.Import;

/// <summary>Exporting a plan and importing the file gives back the same plan: sections, objectives, actions, ratings and latest comments.</summary>
[Trait("Category", "Database")]
public sealed class RoundTripTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private sealed record Shape(string Section, int Objective, string Why, string Ref, string Who, string DoesWhat, string ByWhen, string Measure, string Experience, string Rating, string Comment);

    private async Task<List<Shape>> ShapeAsync(Guid planId)
    {
        await using var db = app.Database.CreateContext();
        var table = await new PlanTables(db, new ActionQueries(db, app.Clock)).LoadAsync(planId, null, PlanReaders.PublicPaper);
        var shapes = new List<Shape>();
        foreach (var section in table!.Sections.Where(s => s.Rows.Count > 0))
        {
            var objective = 0;
            foreach (var row in section.Rows)
            {
                if (row.Why.Length > 0 || objective == 0)
                    objective++;
                shapes.Add(new Shape(section.Title, objective, row.Why, row.Ref, row.Who, row.DoesWhat, row.ByWhen, row.Measure, row.Experience, row.Rating.ToString(), row.LatestComment));
            }
        }

        return shapes;
    }

    /// <summary>The sources of each objective, in plan order: brackets at the end of an aim travel inside the aim.</summary>
    private async Task<List<string>> SourceTitlesAsync(Guid planId)
    {
        await using var db = app.Database.CreateContext();
        var objectives = await db.Objectives.Include(o => o.Sources).Include(o => o.Section)
            .Where(o => o.Section!.PlanId == planId).ToListAsync();
        return objectives.OrderBy(o => o.Section!.Order).ThenBy(o => o.Order)
            .SelectMany(o => o.Sources.OrderBy(s => s.Title).Select(s => $"{o.Order}:{s.Title}"))
            .ToList();
    }

    private async Task<Guid> ExportAndImportAsync(Guid planId, string format)
    {
        await using var db = app.Database.CreateContext();
        var table = await new PlanTables(db, new ActionQueries(db, app.Clock)).LoadAsync(planId, null, PlanReaders.PublicPaper);
        var file = new MemoryStream();
        if (format == "xlsx")
            XlsxPlanWriter.Write(table!, file);
        else
            CsvPlanWriter.Write(table!, file);
        file.Position = 0;

        var organisation = await db.Plans.Where(p => p.Id == planId).Select(p => p.OrganisationId).SingleAsync();
        // A CSV is a bare table: the title and year travel only in the .xlsx header block.
        var period = await db.Plans.Where(p => p.Id == planId).Select(p => p.Period).SingleAsync();
        var options = format == "csv" ? new ImportOptions { Period = period } : new ImportOptions();
        var report = await new PlanImporter(db, app.Clock).ImportAsync(file, new ImportRequest { FileName = "export." + format, OrganisationId = organisation, Options = options });
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        return report.PlanId!.Value;
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_demo_plan_survives_export_and_import(string format)
    {
        var demo = await app.PlanAsync();

        var copy = await ExportAndImportAsync(demo.Id, format);

        Assert.Equal(await ShapeAsync(demo.Id), await ShapeAsync(copy));
        await using var db = app.Database.CreateContext();
        var imported = await db.Plans.SingleAsync(p => p.Id == copy);
        Assert.Equal(demo.Period, imported.Period);
        if (format == "xlsx")
        {
            Assert.Equal(demo.Title, imported.Title);
            Assert.Equal(demo.Owner, imported.Owner);
            Assert.Equal(demo.MonitoringBoard, imported.MonitoringBoard);
        }
    }

    [Theory]
    [InlineData("sdp-2024-25.xlsx", "xlsx")]
    [InlineData("sdp-2024-25.xlsx", "csv")]
    [InlineData("sdp-2024-25.csv", "xlsx")]
    [InlineData("sdp-2024-25.csv", "csv")]
    public async Task Every_fixture_survives_import_export_and_import_again(string fixture, string format)
    {
        await using var db = app.Database.CreateContext();
        var organisation = await db.Organisations.Select(o => o.Id).FirstAsync();
        await using var content = File.OpenRead(ImportCliTests.Fixture(fixture));
        var first = await new PlanImporter(db, app.Clock).ImportAsync(content, new ImportRequest { FileName = fixture, OrganisationId = organisation });
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));

        var second = await ExportAndImportAsync(first.PlanId!.Value, format);

        var original = await ShapeAsync(first.PlanId!.Value);
        Assert.Equal(31, original.Count);
        Assert.Equal(original, await ShapeAsync(second));
        Assert.Equal(await SourceTitlesAsync(first.PlanId!.Value), await SourceTitlesAsync(second));
    }
}
