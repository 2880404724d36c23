using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Demo;
using ServicePlan.Plans;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// Writes the plans a test needs through the app's own DbContext, so the test states only what matters to it and
/// never leans on the demo plan's refs and texts. Modelled on the teaching record system's TestData.CreatePerson.
/// </summary>
public sealed partial class TestData(ServicePlanAppFixture app)
{
    private static int _plans;

    /// <summary>The name of the demo council's Lead test user: an action led by this name may be updated by them.</summary>
    public static string LeadName => DemoData.Users.Single(u => u.Role == ServicePlan.Users.Roles.Lead).Name;

    /// <summary>The name of the demo council's Plan Owner test user.</summary>
    public static string OwnerName => DemoData.Users.Single(u => u.Role == ServicePlan.Users.Roles.PlanOwner).Name;

    /// <summary>The demo council: the one the signed-in test users belong to, so what is written here is what they see.</summary>
    public async Task<Guid> DemoOrganisationIdAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Organisations.Where(o => o.Name == DemoData.OrganisationName).Select(o => o.Id).SingleAsync();
    }

    /// <summary>An action as it is stored now, with its updates and leads, for a test to check what a request changed.</summary>
    public async Task<PlanAction> ActionAsync(Guid actionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Actions.AsNoTracking().Include(a => a.Updates).Include(a => a.Leads).SingleAsync(a => a.Id == actionId);
    }

    /// <summary>A title no other plan in the run has, so tests that look a plan up by title find only theirs.</summary>
    internal static string UniqueTitle(string what) =>
        $"{what} {Interlocked.Increment(ref _plans).ToString(CultureInfo.InvariantCulture)}";
}
