using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Export;

[Trait("Category", "Database")]
public sealed class ExportExemptTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Downloads_leave_exempt_actions_out_unless_an_owner_asks_for_them()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Children in Care", s => s
            .WithAction(a => a.WithDoesWhat("Publish the placement sufficiency strategy."))
            .WithAction(a => a.WithDoesWhat("Apply for a DOLS order for the child at the named placement.").Exempt("Paragraph 2"))));
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var forViewer = await viewer.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv?includeExempt=true");
        var forOwner = await owner.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv");
        var withExempt = await owner.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv?includeExempt=true");

        Assert.Contains("Publish the placement sufficiency strategy.", forViewer, StringComparison.Ordinal);
        Assert.DoesNotContain("DOLS order", forViewer, StringComparison.Ordinal);
        Assert.Contains("Publish the placement sufficiency strategy.", forOwner, StringComparison.Ordinal);
        Assert.DoesNotContain("DOLS order", forOwner, StringComparison.Ordinal);
        Assert.Contains("DOLS order", withExempt, StringComparison.Ordinal);
    }
}
