using System.Text.RegularExpressions;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Sources;

namespace ServicePlan.IntegrationTests.Access;

/// <summary>
/// No page ever shows its template's source: every GET page of the authorisation matrix, for every role, is read and
/// its text and attribute values searched for Razor ("@if (Model.MayWriteNarrative) { … }" once appeared beside a link).
/// </summary>
[Trait("Category", "Database")]
public sealed partial class PageSourceTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task No_page_shows_template_source_to_any_role()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Workforce", s => s.WithObjective("Staff have time to reflect on their work", o => o
                .WithSource("Staff feedback (page source test)", SourceKind.Staff)
                .WithAction(a => a.WithLead(TestData.LeadName).WithDue("31/03/2025").WithUpdate(Rating.Amber, "Group supervision has started.")))));
        var action = plan.SingleAction;
        var ids = new MatrixIds(plan.PlanId, action.Id, action.UpdateIds.Single(), plan.ReviewId("Q1 2024-25"), plan.SourceIds["Staff feedback (page source test)"], "no-such-page");

        var pages = AuthorisationMatrix.Table
            .Where(r => AuthorisationMatrix.Method(r.Key) == "GET" && !AuthorisationMatrix.IsApi(r.Key) && !r.Key.Contains("handler=", StringComparison.Ordinal))
            .ToList();
        var failures = new List<string>();
        var read = 0;
        foreach (var role in AuthorisationMatrix.AllRoles)
        {
            using var client = app.CreateClient();
            if (role is not null)
                await client.SignInAsync(role);
            foreach (var (key, row) in pages)
            {
                if (key.EndsWith("/account/sign-out", StringComparison.Ordinal))
                    continue;
                var url = AuthorisationMatrix.Url(key, row, ids);
                var response = await client.Http.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                    continue;
                read++;
                var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
                failures.AddRange(RazorIn(page).Select(found => $"{url} as {AuthorisationMatrix.Describe(role)} ({(int)response.StatusCode}): {found}"));
            }
        }

        Assert.True(read > 40, $"Only {read} pages were read");
        Assert.True(failures.Count == 0, "Template source on pages:\n  " + string.Join("\n  ", failures));
    }

    [Theory]
    [InlineData("Signed in as owner@serviceplan.example", false)]
    [InlineData("Write to team@council.gov.uk or @council on social media", false)]
    [InlineData("@if (Model.MayWriteNarrative) { }", true)]
    [InlineData("Public report @foreach (var x in y)", true)]
    [InlineData("Shown: @Model.Review.Label", true)]
    [InlineData("@(Model.Count)", true)]
    [InlineData("@{ var x = 1; }", true)]
    [InlineData("@* comment *@", true)]
    [InlineData("Model.Input.Title", true)]
    [InlineData("A model. Then more", false)]
    public void The_check_finds_Razor_and_not_email_addresses(string text, bool isRazor) =>
        Assert.Equal(isRazor, Razor().IsMatch(text));

    private static IEnumerable<string> RazorIn(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script, style").ToList())
            script.Remove();
        var text = page.Body?.TextContent ?? "";
        foreach (Match match in Razor().Matches(text))
            yield return $"text \"{Around(text, match)}\"";
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (Razor().Match(attribute.Value) is { Success: true } inAttribute)
                    yield return $"<{element.LocalName} {attribute.Name}=\"{Around(attribute.Value, inAttribute)}\">";
            }
        }
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 30);
        return text.Substring(start, Math.Min(text.Length - start, match.Length + 60)).ReplaceLineEndings(" ");
    }

    // A Razor transition is an @ not preceded by a letter, digit or dot (so e-mail addresses are left alone) followed by
    // a keyword, Model, an expression or a block; "Model." followed by a property is the page model's code.
    [GeneratedRegex(@"(?<![\w.+-])@(?:(?:if|foreach|for|while|switch|using|await|section|model|Model|Html|Links|ViewData|inject|functions|page)\b|[({*])|\bModel\.[A-Z]")]
    private static partial Regex Razor();
}
