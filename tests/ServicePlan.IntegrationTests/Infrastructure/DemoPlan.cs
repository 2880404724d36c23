using Microsoft.EntityFrameworkCore;
using ServicePlan.Plans;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// Finds things in the seeded demo plan by ref. Only for tests whose subject is the demo itself (its seeded lead, the
/// accessibility sweep of a realistic full plan): every other test builds its own data with <see cref="TestData"/>.
/// </summary>
public static class DemoPlan
{
    public static async Task<Plan> PlanAsync(this ServicePlanAppFixture app)
    {
        await using var db = app.Database.CreateContext();
        // Other tests in a class may import more plans; the demo plan is the one seeded with illustrative ratings.
        return await db.Plans.AsNoTracking().SingleAsync(p => p.RatingsAreIllustrative);
    }

    public static async Task<PlanAction> ActionAsync(this ServicePlanAppFixture app, string reference)
    {
        await using var db = app.Database.CreateContext();
        return await db.Actions.AsNoTracking().Include(a => a.Updates).Include(a => a.Leads)
            .SingleAsync(a => a.Ref == reference && db.Plans.Any(p => p.Id == a.PlanId && p.RatingsAreIllustrative));
    }
}
