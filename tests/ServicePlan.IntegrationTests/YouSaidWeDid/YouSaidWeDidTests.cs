using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Sources;
using ServicePlan.Users;
using ServicePlan.YouSaidWeDid;

namespace ServicePlan.IntegrationTests.YouSaidWeDid;

/// <summary>The public "You said, we did" page: written by the owner, checked for personal data and exempt text, public only once published.</summary>
[Trait("Category", "Database")]
public sealed class YouSaidWeDidTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>, IAsyncLifetime
{
    private const string Address = "/you-said-we-did/city-of-london-corporation-demo-data";

    private Guid _children;
    private Guid _staff;
    private Guid _audit;

    public async Task InitializeAsync()
    {
        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.RatingsAreIllustrative);
        if (await db.Sources.FirstOrDefaultAsync(s => s.Title == "Annual survey of children in care 2023") is not { } children)
        {
            children = new Source { OrganisationId = plan.OrganisationId, Title = "Annual survey of children in care 2023", Kind = SourceKind.ChildrenAndYoungPeople, Date = new DateOnly(2023, 8, 1) };
            db.Sources.Add(children);
            await db.SaveChangesAsync();
        }

        _children = children.Id;
        _staff = await db.Sources.Where(s => s.Title == "Staff feedback").Select(s => s.Id).SingleAsync();
        _audit = await db.Sources.Where(s => s.Kind == SourceKind.Audit).Select(s => s.Id).FirstAsync();

        // Each test starts from an unpublished page with no words.
        await db.YouSaidWeDidPages.ExecuteDeleteAsync();
        await db.Sources.ExecuteUpdateAsync(s => s.SetProperty(x => x.YouSaid, (string?)null).SetProperty(x => x.WeDid, (string?)null).SetProperty(x => x.WeDidStatus, WeDidStatus.Planned));
        await db.Actions.ExecuteUpdateAsync(a => a.SetProperty(x => x.IsExempt, false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Words(int version, params (Guid Source, string Said, string Did, WeDidStatus Status)[] entries)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "You said, we did",
            ["Input.Introduction"] = "Children, young people, families and our staff tell us what works and what needs to change.",
            ["Input.Slug"] = "city-of-london-corporation-demo-data",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < entries.Length; i++)
        {
            fields[$"Input.Entries[{i}].SourceId"] = entries[i].Source.ToString();
            fields[$"Input.Entries[{i}].YouSaid"] = entries[i].Said;
            fields[$"Input.Entries[{i}].WeDid"] = entries[i].Did;
            fields[$"Input.Entries[{i}].Status"] = entries[i].Status.ToString();
        }

        return fields;
    }

    private async Task<int> VersionAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.YouSaidWeDidPages.Select(p => (int?)p.Version).FirstOrDefaultAsync() ?? 0;
    }

    private async Task<HttpResponseMessage> PostAsync(TestClient client, string handler, params (Guid, string, string, WeDidStatus)[] entries) =>
        await client.PostFormAsync("/you-said-we-did/edit", $"/you-said-we-did/edit?handler={handler}", Words(await VersionAsync(), entries));

    [Fact]
    public async Task You_said_we_did_is_not_found_until_the_owner_publishes_it()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var anonymous = app.CreateClient();

        await anonymous.GetPageAsync(Address, HttpStatusCode.NotFound);
        var saved = await PostAsync(owner, "Save", (_children, "You wanted to see your social worker more often.", "Social workers now visit you every four weeks.", WeDidStatus.Done));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await anonymous.GetPageAsync(Address, HttpStatusCode.NotFound);

        var published = await PostAsync(owner, "Publish", (_children, "You wanted to see your social worker more often.", "Social workers now visit you every four weeks.", WeDidStatus.Done));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await anonymous.GetPageAsync(Address);
        Assert.Equal("You said, we did", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("What children and young people told us", page.QuerySelector("h2")!.TextContent.Trim());
        var entry = page.QuerySelector($"[data-source='{_children}']")!;
        Assert.Contains("You wanted to see your social worker more often.", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Social workers now visit you every four weeks.", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal("Done", entry.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".govuk-service-navigation"));

        // The organisation's id is an address too, for links made before the owner chose a slug.
        await using (var db = app.Database.CreateContext())
            await anonymous.GetPageAsync($"/you-said-we-did/{await db.Organisations.Select(o => o.Id).FirstAsync()}");

        var down = await owner.PostFormAsync("/you-said-we-did/edit", "/you-said-we-did/edit?handler=Unpublish", []);
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        await anonymous.GetPageAsync(Address, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_is_refused_while_the_words_hold_personal_data_and_says_where_what_and_why()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        // Warned as the words are saved, the owner confirms them as written; publishing checks them again.
        var entry = (_children, "Jayden (aged 9) said he wanted more football.", "We started a football club.", WeDidStatus.Doing);
        var warned = await PostAsync(owner, "Publish", entry);
        var seen = TestClient.Parse(await warned.Content.ReadAsStringAsync()).QuerySelector("input[name='Confirm.Seen']")!.GetAttribute("value")!;
        var response = await owner.PostFormAsync("/you-said-we-did/edit", "/you-said-we-did/edit?handler=Publish", new(Words(await VersionAsync(), entry))
        {
            ["Confirm.SaveAsWritten"] = "true",
            ["Confirm.Seen"] = seen,
            ["Confirm.Reason"] = "To show the publishing check",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var problem = Assert.Single(page.QuerySelectorAll("#publishing-problems .app-publishing-problem"));
        Assert.Contains("Annual survey of children in care 2023 – You said", problem.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Jayden\"", problem.TextContent, StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        await anonymous.GetPageAsync(Address, HttpStatusCode.NotFound);

        // The words are kept for the owner to change; nothing is published.
        await using var db = app.Database.CreateContext();
        Assert.Equal("Jayden (aged 9) said he wanted more football.", (await db.Sources.SingleAsync(s => s.Id == _children)).YouSaid);
        Assert.False((await db.YouSaidWeDidPages.SingleAsync()).IsPublished);
    }

    [Fact]
    public async Task The_check_allows_the_same_names_as_the_committee_report()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await PostAsync(owner, "Publish", (_staff, "Staff said supervision felt rushed.", "Rachel Talmage, Head of Service, set up group supervision with the City of London Corporation (demo data).", WeDidStatus.Done));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Exempt_content_never_appears_on_the_public_page()
    {
        var action = await app.TestData.CreateActionAsync(a => a.WithDoesWhat("Apply for a DOLS order for the young person at the named placement.").Exempt("Paragraph 2"));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var copied = await PostAsync(owner, "Publish", (_staff, "Staff asked for clearer plans.", "We did this: " + action.DoesWhat, WeDidStatus.Doing));
        var refused = TestClient.Parse(await copied.Content.ReadAsStringAsync());
        Assert.Contains(PublishingCheck.ExemptReason, refused.QuerySelector("#publishing-problems")!.TextContent, StringComparison.Ordinal);

        var published = await PostAsync(owner, "Publish", (_staff, "Staff asked for clearer plans.", "Plans now use one simple template.", WeDidStatus.Doing));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        using var anonymous = app.CreateClient();
        var page = await anonymous.GetPageAsync(Address);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain(action.DoesWhat, text, StringComparison.Ordinal);
        Assert.Contains("Plans now use one simple template.", text, StringComparison.Ordinal);

        // Nothing from the plan is on the page at all: no action, no comment, no source title.
        await using (var db = app.Database.CreateContext())
        {
            foreach (var what in await db.Actions.Select(a => a.DoesWhat).Where(w => w.Length > 30).ToListAsync())
                Assert.DoesNotContain(what, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Staff feedback", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_sources_from_children_families_and_staff_take_words_for_the_page()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var form = await owner.GetPageAsync("/you-said-we-did/edit");
        await PostAsync(owner, "Save", (_audit, "The auditors said.", "We did.", WeDidStatus.Done));

        Assert.NotNull(form.QuerySelector($"#source-{_staff}"));
        Assert.Null(form.QuerySelector($"#source-{_audit}"));
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.Sources.SingleAsync(s => s.Id == _audit)).YouSaid);
    }

    [Fact]
    public async Task Changes_after_publishing_stay_private_until_published_again()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var anonymous = app.CreateClient();
        await PostAsync(owner, "Publish", (_children, "You wanted more activities.", "We run a summer programme.", WeDidStatus.Done));

        await PostAsync(owner, "Save", (_children, "You wanted more activities.", "We run a summer and a winter programme.", WeDidStatus.Doing));

        var page = await anonymous.GetPageAsync(Address);
        Assert.Contains("We run a summer programme.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("winter", page.Body!.TextContent, StringComparison.Ordinal);
        var edit = await owner.GetPageAsync("/you-said-we-did/edit");
        Assert.NotNull(edit.QuerySelector("#unpublished-changes"));
        var preview = await owner.GetPageAsync("/you-said-we-did/preview");
        Assert.Contains("winter", preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await PostAsync(owner, "Publish", (_children, "You wanted more activities.", "We run a summer and a winter programme.", WeDidStatus.Doing));
        Assert.Contains("winter", (await anonymous.GetPageAsync(Address)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_publishing_the_owner_is_sent_to_the_preview_and_everyone_else_finds_nothing()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await PostAsync(owner, "Save", (_children, "You wanted more activities.", "We run a summer programme.", WeDidStatus.Planned));
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        var ownerVisit = await owner.Http.GetAsync(Address);
        await viewer.GetPageAsync(Address, HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Redirect, ownerVisit.StatusCode);
        Assert.Equal("/you-said-we-did/preview", ownerVisit.Headers.Location!.ToString());
        var preview = await owner.GetPageAsync("/you-said-we-did/preview");
        Assert.Contains("Going to do it", preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector("#preview-title"));
    }

    [Fact]
    public async Task Viewers_cannot_edit_preview_or_publish_the_page()
    {
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        foreach (var url in new[] { "/you-said-we-did/edit", "/you-said-we-did/preview" })
        {
            var response = await viewer.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var post = await viewer.PostFormAsync("/sources", "/you-said-we-did/edit?handler=Publish", Words(0, (_children, "Said.", "Did.", WeDidStatus.Done)));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.YouSaidWeDidPages.AnyAsync(p => p.IsPublished));
    }

    [Fact]
    public async Task Writing_only_half_an_answer_is_refused()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await PostAsync(owner, "Save", (_children, "You wanted more activities.", "", WeDidStatus.Planned));

        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("write both what you said and what we did", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_is_refused_and_overwrites_nothing()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        var opened = await VersionAsync();

        var first = await owner.PostFormAsync("/you-said-we-did/edit", "/you-said-we-did/edit?handler=Save", Words(opened, (_staff, "Staff said supervision was rushed.", "We made it monthly.", WeDidStatus.Done)));
        var second = await admin.PostFormAsync("/you-said-we-did/edit", "/you-said-we-did/edit?handler=Save", Words(opened, (_staff, "Admin's stale words.", "Admin's stale answer.", WeDidStatus.Planned)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = TestClient.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("saved this page after you opened it. Your words have not been saved", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var staff = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == _staff);
        Assert.Equal(("Staff said supervision was rushed.", "We made it monthly."), (staff.YouSaid, staff.WeDid));
    }
}
