using Microsoft.EntityFrameworkCore;
using ServicePlan.Export;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;

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
    public async Task A_plan_survives_export_and_import(string format)
    {
        // Two sections, an objective with continuation rows, several leads, every rating and none, dates of every kind.
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithTitle("Round trip plan 2024-5")
            .WithOwner("Rachel Talmage, Head of Service")
            .WithMonitoringBoard("Children's Services Improvement Board")
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Need", s => s
                .WithObjective("Assessments are timely and children are seen", o => o
                    .WithAction(a => a.WithRef("1").WithLead("Sam Okafor").WithLead("Morgan Hale").WithDoesWhat("Audit assessment timeliness each month.").WithDue("Monthly").WithUpdate(Rating.Amber, "Two audits done; one missed."))
                    .WithAction(a => a.WithRef("2").WithLead("Sam Okafor").WithDoesWhat("Recruit two more social workers.").WithDue("June 2024").WithUpdate(Rating.Red, "Started").WithUpdate(Rating.Blue, "Both in post.")))
                .WithObjective("Families know who their worker is", o => o
                    .WithAction(a => a.WithRef("3").WithLeadsText("HoS").WithDue("Complete").WithRating(Rating.Green))))
            .WithSection("Early Help", s => s
                .WithObjective("Help comes before crisis", o => o
                    .WithAction(a => a.WithRef("4").WithLead("Priya Shah").WithDue("Ongoing")))));

        var copy = await ExportAndImportAsync(plan.PlanId, format);

        Assert.Equal(await ShapeAsync(plan.PlanId), await ShapeAsync(copy));
        await using var db = app.Database.CreateContext();
        var imported = await db.Plans.SingleAsync(p => p.Id == copy);
        Assert.Equal(new FinancialYear(2024), imported.Period);
        if (format == "xlsx")
        {
            Assert.Equal("Round trip plan 2024-5", imported.Title);
            Assert.Equal("Rachel Talmage, Head of Service", imported.Owner);
            Assert.Equal("Children's Services Improvement Board", imported.MonitoringBoard);
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
