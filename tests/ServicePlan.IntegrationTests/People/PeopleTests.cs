using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Users;
using ServicePlan.Web.Pages;

namespace ServicePlan.IntegrationTests.People;

/// <summary>A plan's people page, linking and merging people, the lead's team page, the importer's people and the people API.</summary>
[Trait("Category", "Database")]
public sealed class PeopleTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<TestClient> ClientAsync(string role)
    {
        var client = app.CreateClient();
        await client.SignInAsync(role);
        return client;
    }

    private async Task<PlanPerson> PersonAsync(Guid personId)
    {
        await using var db = app.Database.CreateContext();
        return await db.People.AsNoTracking().SingleAsync(p => p.Id == personId);
    }

    private async Task<List<string>> LeadsOfAsync(Guid actionId)
    {
        await using var db = app.Database.CreateContext();
        return (await db.Actions.IgnoreQueryFilters().AsNoTracking().Include(a => a.Leads).SingleAsync(a => a.Id == actionId)).Leads.Select(l => l.Name).Order().ToList();
    }

    private async Task<string?> UserIdAsync(string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<ImportReport> ImportAsync(Stream content, string fileName, string title, int year)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(content, new ImportRequest
        {
            FileName = fileName,
            OrganisationId = await app.TestData.DemoOrganisationIdAsync(),
            Options = new() { Title = title, Period = new(year) },
        });
    }

    private Task<ImportReport> ImportCsvAsync(string title, int year, params string[] leads)
    {
        var csv = new StringBuilder("Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n");
        for (var i = 0; i < leads.Length; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Early Help,Aim {i},\"{leads[i]}\",Does thing {i} for children,Mar-{year % 100 + 1},Measure {i},Children feel heard,Green,Note {i}\r\n");
        return ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "plan.csv", title, year);
    }

    private Task<CreatePlanResult> TwoNamesForOnePersonAsync(Action<CreatePlanBuilder>? more = null) => app.TestData.CreatePlanAsync(p =>
    {
        p.WithPerson("Head of Harbour", "HoH").WithPerson("HOH", "HOH").WithPerson("Fen Rowe", "FR")
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("1").WithLead("Head of Harbour").WithLead("HOH"))
                .WithAction(a => a.WithRef("2").WithLead("HOH"))
                .WithAction(a => a.WithRef("3").WithLead("Fen Rowe")));
        more?.Invoke(p);
    });

    [Fact]
    public async Task Importing_the_councils_sheet_names_each_lead_once_and_every_action_keeps_its_leads()
    {
        await using var content = File.OpenRead(ImportCliTests.Fixture("sdp-2024-25.xlsx"));
        var report = await ImportAsync(content, "sdp-2024-25.xlsx", $"People fixture {Guid.NewGuid():N}", 2024);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors.Select(ImportReport.Describe)));

        await using var db = app.Database.CreateContext();
        var people = await db.People.Where(p => p.PlanId == report.PlanId).Select(p => p.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Assistant Director", "CSC & EH Management Team", "EH lead", "Head of Service", "Service Manager"], people);
        var unmatched = await db.Actions.Where(a => a.PlanId == report.PlanId && a.LeadsText != "" && !a.Leads.Any()).Select(a => a.LeadsText).ToListAsync();
        Assert.Empty(unmatched);
        var both = await db.Actions.Where(a => a.PlanId == report.PlanId && a.LeadsText == "hos & management team").SelectMany(a => a.Leads.Select(l => l.Name)).OrderBy(n => n).ToListAsync();
        Assert.Equal(["CSC & EH Management Team", "Head of Service"], both);

        using var owner = await ClientAsync(Roles.PlanOwner);
        var page = await owner.GetPageAsync(Links.PlanPeople(report.PlanId!.Value));
        var rows = page.QuerySelectorAll("#people-table tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Contains("Head of Service (HoS)", rows);
        Assert.DoesNotContain(rows, r => r.Contains("HOS (HOS)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_owner_links_a_person_to_a_leads_account_and_the_lead_sees_their_actions_on_their_team_page()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, "Wren Talbot");
        var plan = await TwoNamesForOnePersonAsync();
        var fen = plan.PersonIds["Fen Rowe"];
        using var owner = await ClientAsync(Roles.PlanOwner);

        var overview = await owner.GetPageAsync(Links.Plan(plan.PlanId));
        Assert.Equal(Links.PlanPeople(plan.PlanId), overview.QuerySelector("#plan-people")!.GetAttribute("href"));
        var linked = await owner.PostFormAsync(Links.PlanPerson(plan.PlanId, fen), Links.PlanPerson(plan.PlanId, fen) + "?handler=Link",
            new() { ["Email"] = lead.Email.ToUpperInvariant(), ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(await UserIdAsync(lead.Email), (await PersonAsync(fen)).UserId);
        var people = await owner.GetPageAsync(Links.PlanPeople(plan.PlanId));
        Assert.Contains("Fen Rowe is now linked to Wren Talbot", people.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(lead.Email, people.QuerySelector($"#person-{fen}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not linked", people.QuerySelector($"#person-{plan.PersonIds["HOH"]}")!.TextContent, StringComparison.Ordinal);

        using var leadClient = app.CreateClient();
        await leadClient.SignInAsync(lead);
        var team = await leadClient.GetPageAsync(Links.Team());
        var section = team.QuerySelector($"#plan-{plan.PlanId}");
        Assert.NotNull(section);
        var links = team.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(Links.Action(plan.Action("3").Id), links);
        Assert.DoesNotContain(Links.Action(plan.Action("1").Id), links);
        Assert.Contains(Links.Team(), team.QuerySelectorAll(".govuk-service-navigation a").Select(a => a.GetAttribute("href")));

        await using var db = app.Database.CreateContext();
        Assert.Contains(await db.AuditEntries.Where(e => e.PlanId == plan.PlanId).Select(e => e.Summary).ToListAsync(),
            s => s == $"Fen Rowe linked to the account of Wren Talbot ({lead.Email})");
    }

    [Fact]
    public async Task Linking_to_an_address_with_no_account_in_the_organisation_says_so_and_links_nobody()
    {
        var plan = await TwoNamesForOnePersonAsync();
        var fen = plan.PersonIds["Fen Rowe"];
        using var owner = await ClientAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync(Links.PlanPerson(plan.PlanId, fen), Links.PlanPerson(plan.PlanId, fen) + "?handler=Link",
            new() { ["Email"] = "nobody.here@elsewhere.example", ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is no account with the e-mail address nobody.here@elsewhere.example in your organisation", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-form-group--error #Email[aria-describedby~='Email-error']"));
        Assert.Null((await PersonAsync(fen)).UserId);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_be_linked_and_the_page_says_why()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, "Ives Marlow");
        await using (var db = app.Database.CreateContext())
        {
            var account = await db.Users.SingleAsync(u => u.Email == lead.Email);
            account.DeactivatedAtUtc = new DateTime(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        var plan = await TwoNamesForOnePersonAsync();
        var fen = plan.PersonIds["Fen Rowe"];
        using var owner = await ClientAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync(Links.PlanPerson(plan.PlanId, fen), Links.PlanPerson(plan.PlanId, fen) + "?handler=Link",
            new() { ["Email"] = lead.Email, ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("is deactivated", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await PersonAsync(fen)).UserId);
    }

    [Fact]
    public async Task A_link_saved_from_a_page_opened_before_someone_elses_change_is_refused()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await TwoNamesForOnePersonAsync();
        var fen = plan.PersonIds["Fen Rowe"];
        using var owner = await ClientAsync(Roles.PlanOwner);
        var url = Links.PlanPerson(plan.PlanId, fen);
        await owner.PostFormAsync(url, url + "?handler=Link", new() { ["Email"] = lead.Email, ["Version"] = "0" });

        var stale = await owner.PostFormAsync(url, url + "?handler=Unlink", new() { ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed Fen Rowe", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await PersonAsync(fen)).UserId);

        var unlinked = await owner.PostFormAsync(url, url + "?handler=Unlink", new() { ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Null((await PersonAsync(fen)).UserId);
    }

    [Fact]
    public async Task Merging_two_names_for_one_person_moves_their_actions_once_and_the_history_says_so()
    {
        var plan = await TwoNamesForOnePersonAsync();
        var hoh = plan.PersonIds["HOH"];
        var head = plan.PersonIds["Head of Harbour"];
        using var owner = await ClientAsync(Roles.PlanOwner);

        var choose = await owner.GetPageAsync(Links.MergePerson(plan.PlanId, hoh));
        Assert.Equal(2, choose.QuerySelectorAll("input[name=into]").Length);
        var confirm = await owner.GetPageAsync(Links.MergePerson(plan.PlanId, hoh, head));
        Assert.Contains("Are you sure you want to merge HOH into Head of Harbour (HoH)?", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var merged = await owner.PostFormAsync(Links.MergePerson(plan.PlanId, hoh, head), Links.MergePerson(plan.PlanId, hoh, head), new() { ["Version"] = "0", ["IntoVersion"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(["Head of Harbour"], await LeadsOfAsync(plan.Action("1").Id));
        Assert.Equal(["Head of Harbour"], await LeadsOfAsync(plan.Action("2").Id));
        Assert.Equal(["Fen Rowe"], await LeadsOfAsync(plan.Action("3").Id));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.People.AnyAsync(p => p.Id == hoh));
        var summaries = await db.AuditEntries.Where(e => e.PlanId == plan.PlanId && e.Summary != null).Select(e => e.Summary!).ToListAsync();
        Assert.Contains("HOH (HOH) merged into Head of Harbour (HoH)", summaries);
        Assert.Contains("Head of Harbour now leads action 2, merged from HOH", summaries);
        Assert.Contains("HOH no longer leads action 1, merged into Head of Harbour", summaries);
        var page = await owner.GetPageAsync(Links.PlanPeople(plan.PlanId));
        Assert.Contains("Head of Harbour now leads 2 actions that HOH led", page.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_a_new_account_for_a_person_makes_a_lead_links_them_and_shows_the_link_once_without_email()
    {
        var plan = await TwoNamesForOnePersonAsync();
        var fen = plan.PersonIds["Fen Rowe"];
        var email = $"fen.rowe.{Guid.NewGuid():N}@test.example";
        using var owner = await ClientAsync(Roles.PlanOwner);
        var form = await owner.GetPageAsync(Links.PlanPerson(plan.PlanId, fen));
        Assert.Equal("Fen Rowe", form.QuerySelector("#InviteName")!.GetAttribute("value"));

        var invited = await owner.PostFormAsync(Links.PlanPerson(plan.PlanId, fen), Links.PlanPerson(plan.PlanId, fen) + "?handler=Invite",
            new() { ["InviteEmail"] = email, ["InviteName"] = "Fen Rowe", ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var userId = await UserIdAsync(email);
        Assert.Equal(userId, (await PersonAsync(fen)).UserId);
        await using (var db = app.Database.CreateContext())
        {
            var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, role) => role.Name).ToListAsync();
            Assert.Equal([Roles.Lead], roles);
        }

        var people = await owner.GetPageAsync(Links.PlanPeople(plan.PlanId));
        Assert.Contains("/users/set-password?user=", people.QuerySelector("#invite-link-text")!.TextContent, StringComparison.Ordinal);
        var again = await owner.GetPageAsync(Links.PlanPeople(plan.PlanId));
        Assert.Null(again.QuerySelector("#invite-link"));

        var twice = await owner.PostFormAsync(Links.PlanPerson(plan.PlanId, plan.PersonIds["HOH"]), Links.PlanPerson(plan.PlanId, plan.PersonIds["HOH"]) + "?handler=Invite",
            new() { ["InviteEmail"] = email, ["InviteName"] = "HOH", ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("An account with this e-mail already exists", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_plans_people_can_be_read_but_not_changed()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await TwoNamesForOnePersonAsync(p => p.Closed());
        var fen = plan.PersonIds["Fen Rowe"];
        using var owner = await ClientAsync(Roles.PlanOwner);

        var page = await owner.GetPageAsync(Links.PlanPeople(plan.PlanId));
        Assert.NotNull(page.QuerySelector("#read-only"));
        var response = await owner.PostFormAsync(Links.PlanPerson(plan.PlanId, fen), Links.PlanPerson(plan.PlanId, fen) + "?handler=Link",
            new() { ["Email"] = lead.Email, ["Version"] = "0" });

        Assert.Contains("so its people can no longer be changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await PersonAsync(fen)).UserId);
    }

    [Fact]
    public async Task Next_years_import_links_the_people_linked_in_last_years_plan()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, "Zephyr Quill");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await ImportCsvAsync($"Harbour plan {suffix}", 2030, "Zephyr Quill (ZQ)", "Fen Rowe");
        await using (var db = app.Database.CreateContext())
        {
            var person = await db.People.SingleAsync(p => p.PlanId == first.PlanId && p.Name == "Zephyr Quill");
            Assert.Equal("ZQ", person.Initials);
            person.UserId = await UserIdAsync(lead.Email);
            await db.SaveChangesAsync();
        }

        var second = await ImportCsvAsync($"Harbour plan {suffix}", 2031, "zq", "Zephyr  Quill", "zq & Fen Rowe");

        await using var check = app.Database.CreateContext();
        var people = await check.People.Where(p => p.PlanId == second.PlanId).OrderBy(p => p.Name).ToListAsync();
        Assert.Equal(["Fen Rowe", "Zephyr Quill"], people.Select(p => p.Name));
        Assert.Equal(await UserIdAsync(lead.Email), people.Single(p => p.Name == "Zephyr Quill").UserId);
        Assert.Equal(3, await check.Actions.CountAsync(a => a.PlanId == second.PlanId && a.Leads.Any(l => l.Name == "Zephyr Quill")));
    }

    [Fact]
    public async Task The_api_lists_a_plans_people_and_an_owners_key_links_one_to_an_account()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await TwoNamesForOnePersonAsync();
        var fen = plan.PersonIds["Fen Rowe"];
        using var viewer = await app.ScriptAsync(Roles.Viewer);
        using var owner = await app.ScriptAsync(Roles.PlanOwner);

        var listed = await viewer.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/people");
        var row = listed.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == fen);
        Assert.Equal("Fen Rowe", row.GetProperty("name").GetString());
        Assert.Equal("FR", row.GetProperty("initials").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("userEmail").ValueKind);
        Assert.Equal(1, row.GetProperty("actions").GetInt32());
        Assert.Equal(3, listed.GetArrayLength());

        var refused = await viewer.PostAsJsonAsync($"/api/plans/{plan.PlanId}/people/{fen}/link", new { email = lead.Email });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var unknown = await owner.PostAsJsonAsync($"/api/plans/{plan.PlanId}/people/{fen}/link", new { email = "nobody.here@elsewhere.example" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no account with the e-mail address", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var linked = await owner.PostAsJsonAsync($"/api/plans/{plan.PlanId}/people/{fen}/link", new { email = lead.Email });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(lead.Email, (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userEmail").GetString());
        var again = await viewer.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/people");
        Assert.Equal(lead.Email, again.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == fen).GetProperty("userEmail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/plans/{Guid.NewGuid()}/people")).StatusCode);
    }
}
