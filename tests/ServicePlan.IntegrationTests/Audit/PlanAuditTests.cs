using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Audit;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Audit;

/// <summary>Plans themselves: rolling one over and importing one leave entries saying who did it and what changed.</summary>
[Trait("Category", "Database")]
public sealed class PlanAuditTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Rolling_a_plan_over_records_the_old_plan_closing_and_the_new_plan_added()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.ForYear(2024));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var confirmed = await owner.PostFormAsync($"/plans/{plan.PlanId}/rollover?period=2025-26", $"/plans/{plan.PlanId}/rollover", new() { ["Period"] = "2025-26" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var db = app.Database.CreateContext();
        var successor = await db.Plans.SingleAsync(p => p.PreviousPlanId == plan.PlanId);
        var entries = await db.AuditEntries.Where(e => e.Entity == "Plan" && e.UserName == "Rachel Talmage").ToListAsync();
        Assert.Contains(entries, e => e.EntityId == plan.PlanId.ToString() && e.Change == AuditChange.Changed && e.Fields.Contains(new FieldChange("Status", "Open", "Closed")));
        Assert.Contains(entries, e => e.EntityId == successor.Id.ToString() && e.Change == AuditChange.Added && e.PlanId == successor.Id);
    }

    [Fact]
    public async Task Importing_a_plan_records_one_entry_for_the_whole_import()
    {
        var organisation = await app.TestData.DemoOrganisationIdAsync();
        const string csv = "Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n"
            + "Audit,Better recording,HoS,Recording audit each month,Mar-25,Audit results,Children's records tell their story,Green,Started\r\n";
        await using var scope = app.Factory.Services.CreateAsyncScope();

        var report = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportRequest
        {
            FileName = "audited.csv",
            OrganisationId = organisation,
            AuthorName = "Rachel Talmage",
            Options = new() { Title = "Audited import", Period = new(2024) },
        });

        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Entity == "Plan" && e.PlanId == report.PlanId && e.Change == AuditChange.Added);
        Assert.Equal("Rachel Talmage", entry.UserName);
        Assert.Equal(organisation, entry.OrganisationId);
        Assert.Contains(new FieldChange("Imported", null, "1 section, 1 objective, 1 action"), entry.Fields);
    }
}
