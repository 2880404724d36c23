using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Import;

/// <summary>
/// A failure part-way through writing (here a trigger that refuses the progress updates, written after the plan, its
/// sections, objectives and actions) leaves the database exactly as it was. Its own fixture: the trigger stays.
/// </summary>
[Trait("Category", "Database")]
public sealed class ImportRollbackTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task A_failure_while_writing_rolls_the_whole_import_back()
    {
        await using var db = app.Database.CreateContext();
        if (app.Database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_updates BEFORE INSERT ON ProgressUpdates BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION refuse_updates() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_updates BEFORE INSERT ON \"ProgressUpdates\" FOR EACH ROW EXECUTE FUNCTION refuse_updates();");
        }

        async Task<int[]> CountsAsync() =>
        [
            await db.Plans.CountAsync(), await db.Sections.CountAsync(), await db.Objectives.CountAsync(), await db.Actions.CountAsync(),
            await db.People.CountAsync(), await db.Reviews.CountAsync(), await db.Sources.CountAsync(), await db.ProgressUpdates.CountAsync(),
        ];
        var before = await CountsAsync();
        var organisation = await db.Organisations.Select(o => o.Id).SingleAsync();

        await using var content = File.OpenRead(ImportCliTests.Fixture("sdp-2024-25.xlsx"));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            new PlanImporter(db, app.Clock).ImportAsync(content, new ImportRequest { FileName = "sdp-2024-25.xlsx", OrganisationId = organisation }));

        db.ChangeTracker.Clear();
        Assert.Equal(before, await CountsAsync());

        // The app still works afterwards.
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        await client.GetPageAsync("/plans");
    }
}
