using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Export;

[Trait("Category", "Database")]
public sealed class ExportExemptTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Downloads_leave_exempt_actions_out_unless_an_owner_asks_for_them()
    {
        var action = await app.ActionAsync("9");
        await using (var db = app.Database.CreateContext())
            await db.Actions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.IsExempt, true).SetProperty(x => x.ExemptParagraph, "Paragraph 2"));
        var plan = await app.PlanAsync();
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var forViewer = await viewer.Http.GetStringAsync($"/plans/{plan.Id}/export/csv?includeExempt=true");
        var forOwner = await owner.Http.GetStringAsync($"/plans/{plan.Id}/export/csv");
        var withExempt = await owner.Http.GetStringAsync($"/plans/{plan.Id}/export/csv?includeExempt=true");

        Assert.DoesNotContain("DOLS order", forViewer, StringComparison.Ordinal);
        Assert.DoesNotContain("DOLS order", forOwner, StringComparison.Ordinal);
        Assert.Contains("DOLS order", withExempt, StringComparison.Ordinal);
    }
}
