using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Export;

[Trait("Category", "Database")]
public sealed class ExportExemptTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task A_public_download_leaves_an_exempt_action_out_and_one_not_for_publication_shows_it()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Children in Care (test data)", s => s
            .WithAction(a => a.WithRef("9").WithDoesWhat("Training about the law on a DOLS order").Exempt("Paragraph 2"))));
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var forViewer = await viewer.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv?public=true");
        var forOwner = await owner.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv?public=true");
        var notForPublication = await owner.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv");

        Assert.DoesNotContain("DOLS order", forViewer, StringComparison.Ordinal);
        Assert.DoesNotContain("DOLS order", forOwner, StringComparison.Ordinal);
        Assert.Contains("Exempt (Schedule 12A paragraph 2): Training about the law on a DOLS order", notForPublication, StringComparison.Ordinal);
    }
}
