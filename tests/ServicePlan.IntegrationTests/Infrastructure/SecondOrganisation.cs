using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Database;
using ServicePlan.Demo;
using ServicePlan.Import;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// A second council on the same server as the demo one, only in tests: its own users in every role and a small plan
/// imported from tests/TestData/riverside-2024-25.csv, whose lead (Tom Baines) leads the first action. Every text in it
/// says "Riverside", so a page that leaks it is easy to spot, and nothing in it appears in the demo plan.
/// </summary>
public sealed record SecondOrganisation(Guid OrganisationId, Guid PlanId, Guid ActionId, Guid UpdateId, Guid ReviewId, Guid SourceId)
{
    public const string Name = "Riverside Borough Council (test data)";
    public const string PlanTitle = "Riverside Children's Services Plan 2024-25";
    public const string Fixture = "riverside-2024-25.csv";

    /// <summary>Same password as the demo accounts, so a test signs in to either council the same way.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Users =
    [
        ("admin@riverside.example", "Riverside Administrator", Roles.Admin),
        ("owner@riverside.example", "Priya Nair", Roles.PlanOwner),
        ("lead@riverside.example", "Tom Baines", Roles.Lead),
        ("viewer@riverside.example", "Riverside Councillor", Roles.Viewer),
    ];

    public static string EmailOf(string role) => Users.Single(u => u.Role == role).Email;

    /// <summary>Adds the organisation, its users, then its plan (after the users, so the import links Priya and Tom to their accounts).</summary>
    public static async Task<SecondOrganisation> AddAsync(ServicePlanAppFixture app)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
        var organisation = new Organisation { Name = Name };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        foreach (var (email, name, role) in Users)
        {
            if (await accounts.AddAsync(email, name, role, organisation.Id, DemoData.Password) is AddUserResult.Refused refused)
                throw new InvalidOperationException($"Could not add {email}: {string.Join(" ", refused.Errors)}");
        }

        var importer = scope.ServiceProvider.GetRequiredService<PlanImporter>();
        await using var content = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", Fixture));
        var report = await importer.ImportAsync(content, new ImportRequest { FileName = Fixture, OrganisationId = organisation.Id });
        if (!report.Succeeded || report.PlanId is not { } planId)
            throw new InvalidOperationException($"Could not import {Fixture}: {string.Join(" ", report.Errors.Select(e => e.Message))}");

        var action = await db.Actions.AsNoTracking().Include(a => a.Updates).Include(a => a.Leads)
            .SingleAsync(a => a.PlanId == planId && a.Leads.Any(p => p.Name == "Tom Baines") && a.Leads.Count == 1);
        return new SecondOrganisation(
            organisation.Id,
            planId,
            action.Id,
            action.Updates.Single().Id,
            await db.Reviews.Where(r => r.PlanId == planId).Select(r => r.Id).SingleAsync(),
            await db.Sources.Where(s => s.OrganisationId == organisation.Id).OrderBy(s => s.Title).Select(s => s.Id).FirstAsync());
    }
}

/// <summary>The demo app with <see cref="SecondOrganisation"/> added before any test runs.</summary>
public sealed class TwoOrganisationsAppFixture : ServicePlanAppFixture
{
    private SecondOrganisation? _riverside;

    public SecondOrganisation Riverside => _riverside ?? throw new InvalidOperationException("The fixture has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _riverside = await SecondOrganisation.AddAsync(this);
    }
}

public static class SecondOrganisationSignIn
{
    public static async Task SignInToRiversideAsync(this TestClient client, string role) =>
        await client.SignInAsEmailAsync(SecondOrganisation.EmailOf(role), DemoData.Password);
}
