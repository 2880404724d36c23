using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Progress;
using ServicePlan.Reminders;
using ServicePlan.Web.Pages;
using ServicePlan.Web.Pages.Plans.Actions;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// <see cref="Links"/> writes exactly the addresses the pages wrote by hand before it, and each one is a route its page
/// declares in its <c>@page</c> directive, so a renamed route that the builder missed fails here, not in a user's browser.
/// </summary>
public sealed class LinksTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static readonly Guid A = Guid.Parse("0b0e7f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    private static readonly Guid B = Guid.Parse("f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9");

    /// <summary>Each link, the address it must be, and the page (its view path) that must answer it.</summary>
    public static TheoryData<string, string, string> Samples => new()
    {
        { Links.Home(), "/", "/Index" },
        { Links.Plans(), "/plans", "/Plans/Index" },
        { Links.ImportPlan(), "/plans/import", "/Import/Index" },
        { Links.Plan(A), $"/plans/{A}", "/Plans/Overview" },
        { Links.PlanActions(A), $"/plans/{A}/actions", "/Plans/Actions/List" },
        { Links.PlanActions(A, section: B), $"/plans/{A}/actions?section={B}", "/Plans/Actions/List" },
        { Links.PlanActions(A, rating: Rating.Green), $"/plans/{A}/actions?rating=green", "/Plans/Actions/List" },
        { Links.PlanActions(A, rating: Rating.None), $"/plans/{A}/actions?rating=unrated", "/Plans/Actions/List" },
        { Links.PlanActions(A, overdue: true), $"/plans/{A}/actions?overdue=true", "/Plans/Actions/List" },
        { Links.PlanActions(A, lead: B, source: B, search: "early help & SEND"), $"/plans/{A}/actions?lead={B}&source={B}&q=early%20help%20%26%20SEND", "/Plans/Actions/List" },
        { Links.PlanActions(A, new ServicePlan.Plans.ActionFilter { Rating = Rating.Amber }, new ServicePlan.Plans.ActionSort(ServicePlan.Plans.PlanColumn.ByWhen, Descending: true), 2), $"/plans/{A}/actions?rating=amber&sort=due&order=desc&page=2", "/Plans/Actions/List" },
        { Links.PlanActions(A, new ServicePlan.Plans.ActionFilter(), ServicePlan.Plans.ActionSort.PlanOrder, 0), $"/plans/{A}/actions?all=true", "/Plans/Actions/List" },
        { Links.ExportPlan(A, "csv", true, new ServicePlan.Plans.ActionFilter { SectionId = B }, new ServicePlan.Plans.ActionSort(ServicePlan.Plans.PlanColumn.Ref)), $"/plans/{A}/export/csv?public=true&section={B}&sort=ref&order=asc", "/Export/Index" },
        { Links.ExportPlan(A, "xlsx"), $"/plans/{A}/export/xlsx", "/Export/Index" },
        { Links.ExportPlan(A, "csv"), $"/plans/{A}/export/csv", "/Export/Index" },
        { Links.ExportPlan(A, "xlsx", isPublic: true), $"/plans/{A}/export/xlsx?public=true", "/Export/Index" },
        { Links.Rollover(A), $"/plans/{A}/rollover", "/Rollover/Index" },
        { Links.PlansWithArchived(), "/plans?archived=true", "/Plans/Index" },
        { Links.Accessibility(), "/accessibility", "/Accessibility/Statement" },
        { Links.EditPlanHeader(A), $"/plans/{A}/header", "/Plans/Header" },
        { Links.ArchivePlan(A), $"/plans/{A}/archive", "/Plans/Archive" },
        { Links.RestorePlan(A), $"/plans/{A}/archive?handler=restore", "/Plans/Archive" },
        { Links.DeletePlan(A), $"/plans/{A}/delete", "/Plans/Delete" },
        { Links.PlanStructure(A), $"/plans/{A}/structure", "/Plans/Structure/Index" },
        { Links.RemovedFromPlan(A), $"/plans/{A}/structure/removed", "/Plans/Structure/Removed" },
        { Links.AddSection(A), $"/plans/{A}/structure/sections/add", "/Plans/Structure/AddSection" },
        { Links.RenameSection(A, B), $"/plans/{A}/structure/sections/{B}/rename", "/Plans/Structure/RenameSection" },
        { Links.RemoveSection(A, B), $"/plans/{A}/structure/sections/{B}/remove", "/Plans/Structure/RemoveSection" },
        { Links.RenumberSection(A, B), $"/plans/{A}/structure/sections/{B}/renumber", "/Plans/Structure/RenumberSection" },
        { Links.AddObjective(A, B), $"/plans/{A}/structure/sections/{B}/objectives/add", "/Plans/Structure/AddObjective" },
        { Links.EditObjective(A, B), $"/plans/{A}/structure/objectives/{B}/edit", "/Plans/Structure/EditObjective" },
        { Links.RemoveObjective(A, B), $"/plans/{A}/structure/objectives/{B}/remove", "/Plans/Structure/RemoveObjective" },
        { Links.AddStructureAction(A, B), $"/plans/{A}/structure/objectives/{B}/actions/add", "/Plans/Structure/AddAction" },
        { Links.MoveStructureAction(A, B), $"/plans/{A}/structure/actions/{B}/move", "/Plans/Structure/MoveAction" },
        { Links.RemoveStructureAction(A, B), $"/plans/{A}/structure/actions/{B}/remove", "/Plans/Structure/RemoveAction" },
        { Links.Action(A), $"/actions/{A}", "/Plans/Actions/Show" },
        { Links.ActionHistory(A), $"/actions/{A}#history", "/Plans/Actions/Show" },
        { Links.EditAction(A), $"/actions/{A}/edit", "/Plans/Actions/Edit" },
        { Links.AddProgress(A), $"/actions/{A}/progress", "/Progress/AddProgress" },
        { Links.ExemptComment(A, B), $"/actions/{A}/updates/{B}/exempt", "/Privacy/ExemptComment" },
        { Links.EditComment(A, B), $"/actions/{A}/updates/{B}/edit", "/Progress/EditComment" },
        { Links.RedactComment(A, B), $"/actions/{A}/updates/{B}/redact", "/Redaction/RedactComment" },
        { Links.RedactActionText(A, ServicePlan.Redaction.ActionTextField.DoesWhat), $"/actions/{A}/redact/does-what", "/Redaction/RedactActionText" },
        { Links.RedactNarrative(A), $"/reviews/{A}/narrative/redact", "/Redaction/NarrativeParagraphs" },
        { Links.RedactNarrativeParagraph(A, "Background", 2), $"/reviews/{A}/narrative/redact/Background/2", "/Redaction/RedactNarrativeParagraph" },
        { Links.MyActions(), "/my-actions", "/Progress/MyActions" },
        { Links.UpdateSheet(A), $"/plans/{A}/update-sheet", "/UpdateSheet/Index" },
        { Links.UpdateSheetDownload(A, B), $"/plans/{A}/update-sheet?handler=Download&person={B}", "/UpdateSheet/Index" },
        { Links.PlanPeople(A), $"/plans/{A}/people", "/People/Index" },
        { Links.PlanPerson(A, B), $"/plans/{A}/people/{B}", "/People/Person" },
        { Links.MergePerson(A, B), $"/plans/{A}/people/{B}/merge", "/People/Merge" },
        { Links.MergePerson(A, B, A), $"/plans/{A}/people/{B}/merge?into={A}", "/People/Merge" },
        { Links.Team(), "/team", "/People/Team" },
        { Links.SetPassword("user-1", "a-b_c"), "/users/set-password?user=user-1&token=a-b_c", "/Users/SetPassword" },
        { Links.User("user-1"), "/admin/users/user-1", "/Users/Show" },
        { Links.SetPasswordDone(signedIn: true), "/users/set-password?done=true&signedIn=true", "/Users/SetPassword" },
        { Links.QuickUpdate(A), $"/plans/{A}/quick-update", "/Progress/QuickUpdate" },
        { Links.QuickUpdate(A, B), $"/plans/{A}/quick-update/{B}", "/Progress/QuickUpdate" },
        { Links.Reviews(A), $"/plans/{A}/reviews", "/Reviews/Index" },
        { Links.Review(A), $"/reviews/{A}", "/Reviews/Show" },
        { Links.Narrative(A), $"/reviews/{A}/narrative", "/CommitteeReport/Narrative" },
        { Links.PersonalData(A), $"/reviews/{A}/personal-data", "/Privacy/PersonalData" },
        { Links.Report(A, "docx"), $"/reviews/{A}/report/docx", "/CommitteeReport/Report" },
        { Links.Report(A, "html", isPublic: true), $"/reviews/{A}/report/html?public=true", "/CommitteeReport/Report" },
        { Links.Sources(), "/sources", "/Sources/Index" },
        { Links.AddSource(), "/sources/add", "/Sources/Edit" },
        { Links.MergeSources(), "/sources/merge", "/Sources/Merge" },
        { Links.Source(A), $"/sources/{A}", "/Sources/Show" },
        { Links.EditSource(A), $"/sources/{A}/edit", "/Sources/Edit" },
        { Links.EditYouSaidWeDid(), "/you-said-we-did/edit", "/YouSaidWeDid/Edit" },
        { Links.EditYouSaidWeDid(A), $"/you-said-we-did/edit#source-{A}", "/YouSaidWeDid/Edit" },
        { Links.PreviewYouSaidWeDid(), "/you-said-we-did/preview", "/YouSaidWeDid/Preview" },
        { Links.YouSaidWeDid("city-of-london"), "/you-said-we-did/city-of-london", "/YouSaidWeDid/Public" },
        { Links.SignIn(), "/account/sign-in", "/Users/SignIn" },
        { Links.ExternalSignIn("/plans"), "/account/sign-in/external?returnUrl=%2Fplans", "/Users/External" },
        { Links.ExternalSignInCallback("/my-actions"), "/account/sign-in/external?handler=Callback&returnUrl=%2Fmy-actions", "/Users/External" },
        { Links.SignOut(), "/account/sign-out", "/Users/SignOut" },
        { Links.AccessDenied(), "/account/access-denied", "/Users/AccessDenied" },
        { Links.ChangePassword(), "/account/change-password", "/Users/ChangePassword" },
        { Links.ApiKeys(), "/account/api-keys", "/Users/ApiKeys" },
        { Links.Users(), "/admin/users", "/Users/Index" },
        { Links.AddUser(), "/admin/users/add", "/Users/Add" },
        { Links.Audit(), "/admin/audit", "/Audit/Index" },
        { Links.Audit("Action", "Sam O'Neil", "1/10/2024", null, "a&b", older: 2), "/admin/audit?entity=Action&who=Sam%20O%27Neil&from=1%2F10%2F2024&to=&text=a%26b&older=2", "/Audit/Index" },
        { Links.AuditExport(null, null, null, null, null), "/admin/audit?handler=Export&entity=&who=&from=&to=&text=", "/Audit/Index" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_link_is_the_address_the_pages_wrote(string link, string expected, string page)
    {
        Assert.Equal(expected, link);
        Assert.NotEmpty(page);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_link_is_a_route_its_page_declares(string link, string expected, string page)
    {
        Assert.Equal(expected, link);
        var path = link.Split('?', '#')[0];
        var routes = PageRoutes().Where(r => r.Page == page).Select(r => r.Template).ToList();
        Assert.NotEmpty(routes);
        Assert.True(routes.Any(r => Matches(r, path)), $"{link} is not a route of {page}: {string.Join(", ", routes)}");
    }

    [Fact]
    public void Every_page_but_the_error_page_has_a_link()
    {
        var linked = Samples.Select(s => (string)s[2]).ToHashSet(StringComparer.Ordinal);
        var unlinked = PageRoutes().Select(r => r.Page).Where(p => p != "/Error" && !linked.Contains(p)).Distinct().ToList();
        Assert.True(unlinked.Count == 0, "Pages without a link: " + string.Join(", ", unlinked));
    }

    /// <summary>A page that writes <c>href="@Links.X()"</c> sends what it sent with the path written out: only the ampersands are encoded, as before.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void The_pages_encoder_changes_nothing_but_ampersands(string link, string expected, string page)
    {
        var encoder = app.Factory.Services.GetRequiredService<HtmlEncoder>();
        Assert.Equal(expected.Replace("&", "&amp;", StringComparison.Ordinal), encoder.Encode(link));
        Assert.NotEmpty(page);
    }

    [Fact]
    public void The_action_list_filters_are_the_query_names_the_list_reads()
    {
        var names = typeof(ListModel).GetProperties().Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name).OfType<string>().Order().ToList();
        var filter = new ServicePlan.Plans.ActionFilter { SectionId = B, LeadId = B, Rating = Rating.Red, SourceId = B, OverdueOnly = true, Search = "x" };
        var sort = new ServicePlan.Plans.ActionSort(ServicePlan.Plans.PlanColumn.Ref, Descending: true);
        var written = new[] { Links.PlanActions(A, filter, sort, page: 2), Links.PlanActions(A, filter, sort, page: 0) }
            .SelectMany(link => link.Split('?')[1].Split('&').Select(pair => pair.Split('=')[0])).Distinct().Order().ToList();
        Assert.Equal(names, written);
        Assert.Equal(Links.PlanActions(A, section: B, lead: B, rating: Rating.Red, source: B, overdue: true, search: "x"), Links.PlanActions(A, filter, ServicePlan.Plans.ActionSort.PlanOrder));
    }

    /// <summary>The library writes the e-mails' links itself (it cannot reference the web app); they must stay the pages' addresses.</summary>
    [Theory]
    [InlineData(ReminderKind.ReviewOpened)]
    [InlineData(ReminderKind.WeeklyReminder)]
    public void Reminder_emails_link_to_the_same_addresses(ReminderKind kind)
    {
        var digest = new ReminderDigest(new ReminderKey(B, "user", kind, 0), "lead@example.org", "Lead", "Plan", "Q2", [new ActionToUpdate(A, "1.1", "Does something", "")], [], []);
        var message = ReminderEmails.Compose(digest, new ReminderOptions { AppUrl = "https://serviceplan.example/", From = "serviceplan@example.org" });

        Assert.Contains("https://serviceplan.example" + Links.AddProgress(A), message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://serviceplan.example" + Links.MyActions(), message.TextBody, StringComparison.Ordinal);
    }

    private IEnumerable<(string Page, string Template)> PageRoutes() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>(), Template: e.RoutePattern.RawText ?? ""))
            .Where(e => e.Descriptor is not null)
            .Select(e => (e.Descriptor!.ViewEnginePath, e.Template));

    private static bool Matches(string template, string path)
    {
        var parsed = TemplateParser.Parse(template.TrimStart('/'));
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(parsed, new RouteValueDictionary()).TryMatch(path, values))
            return false;
        foreach (var parameter in parsed.Parameters)
        {
            var value = values[parameter.Name!] as string;
            foreach (var constraint in parameter.InlineConstraints)
            {
                if (constraint.Constraint == "guid" && (value is not null || !parameter.IsOptional) && !Guid.TryParse(value, out _))
                    return false;
                if (constraint.Constraint == "int" && value is not null && !int.TryParse(value, out _))
                    return false;
            }
        }

        return true;
    }
}
