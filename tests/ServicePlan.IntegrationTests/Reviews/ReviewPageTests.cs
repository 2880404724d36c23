using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Reviews;

public sealed class ReviewPageTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Theory]
    [InlineData(Roles.PlanOwner, true)]
    [InlineData(Roles.Viewer, false)]
    public async Task The_public_report_link_offers_the_personal_data_check_to_owners_and_never_prints_template_source(string role, bool offersCheck)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 test"));
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var page = await client.GetPageAsync($"/reviews/{plan.ReviewId("Q1 test")}");

        Assert.Equal(offersCheck, page.QuerySelector("#check-personal-data") is not null);
        Assert.DoesNotContain("@if", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("MayWriteNarrative", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
