using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Forms;

/// <summary>
/// Every form refuses impossible dates, impossible "By when?" dates, things that are not e-mail addresses and empty
/// required fields, with the GOV.UK message tied to the field (aria-describedby) and listed in the error summary.
/// </summary>
[Trait("Category", "Database")]
public sealed class BadInputTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static IHtmlDocument Page(string html) => TestClient.Parse(html);

    /// <summary>The field is marked in error, described by its error message, and the summary links to it.</summary>
    private static void AssertFieldError(IHtmlDocument page, string fieldId, string message)
    {
        var summary = page.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        var link = summary!.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains(message, StringComparison.Ordinal));
        Assert.True(link is not null, $"The error summary does not say \"{message}\": {summary.TextContent.Trim()}");
        Assert.Equal("#" + fieldId, link!.GetAttribute("href"));
        var field = page.GetElementById(fieldId);
        Assert.NotNull(field);
        var describedBy = DescribedBy(field!);
        var error = describedBy.Select(id => page.GetElementById(id)).FirstOrDefault(e => e?.ClassList.Contains("govuk-error-message") == true);
        Assert.True(error is not null, $"#{fieldId} is not described by an error message (aria-describedby=\"{string.Join(' ', describedBy)}\")");
        Assert.Contains(message, error!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    /// <summary>The ids describing a field: its own aria-describedby, or its fieldset's (date inputs and radios are described as a group).</summary>
    private static IReadOnlyList<string> DescribedBy(IElement field)
    {
        for (var element = field; element is not null; element = element.ParentElement)
        {
            if (element.GetAttribute("aria-describedby") is { Length: > 0 } ids && (element == field || element.LocalName == "fieldset"))
            {
                var list = ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (element == field || list.Any(id => id.EndsWith("-error", StringComparison.Ordinal)))
                    return list;
            }
        }

        return [];
    }

    [Theory]
    [InlineData("31", "2", "2025", "Input_Day", "The review date must be a real date")]
    [InlineData("29", "2", "2025", "Input_Day", "The review date must be a real date")]
    [InlineData("15", "13", "2025", "Input_Month", "The review date must be a real date")]
    [InlineData("15", "", "2025", "Input_Month", "The review date must include a month")]
    [InlineData("", "", "", "Input_Day", "Enter the review date")]
    [InlineData("15", "1", "25", "Input_Year", "Year must include 4 numbers")]
    [InlineData("x", "1", "2025", "Input_Day", "The review date must be a real date")]
    public async Task Opening_a_review_refuses_a_date_that_is_not_real(string day, string month, string year, string fieldId, string message)
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var url = $"/plans/{plan.PlanId}/reviews";
        var response = await owner.PostFormAsync(url, url, new() { ["Input.Label"] = "Q3 test", ["Input.Day"] = day, ["Input.Month"] = month, ["Input.Year"] = year });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(Page(await response.Content.ReadAsStringAsync()), fieldId, message);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Reviews.AnyAsync(r => r.PlanId == plan.PlanId));
    }

    [Fact]
    public async Task Opening_a_review_on_29_February_of_a_leap_year_is_accepted()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var url = $"/plans/{plan.PlanId}/reviews";
        var response = await owner.PostFormAsync(url, url, new() { ["Input.Label"] = "Q4 test", ["Input.Day"] = "29", ["Input.Month"] = "2", ["Input.Year"] = "2024" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(new DateOnly(2024, 2, 29), (await db.Reviews.SingleAsync(r => r.PlanId == plan.PlanId)).Date);
    }

    [Fact]
    public async Task Opening_a_review_needs_a_label()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var url = $"/plans/{plan.PlanId}/reviews";
        var response = await owner.PostFormAsync(url, url, new() { ["Input.Label"] = "  ", ["Input.Day"] = "1", ["Input.Month"] = "10", ["Input.Year"] = "2024" });

        AssertFieldError(Page(await response.Content.ReadAsStringAsync()), "Input_Label", "Enter a label for the review");
    }

    [Theory]
    [InlineData("31", "2", "2025", "Input_Day", "The source's date must be a real date")]
    [InlineData("1", "", "", "Input_Month", "The source's date must include a month and year")]
    public async Task A_source_s_date_must_be_real_or_left_empty(string day, string month, string year, string fieldId, string message)
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync("/sources/add", "/sources/add", new() { ["Input.Kind"] = "Staff", ["Input.Title"] = "Bad date survey (test data)", ["Input.Day"] = day, ["Input.Month"] = month, ["Input.Year"] = year });

        AssertFieldError(Page(await response.Content.ReadAsStringAsync()), fieldId, message);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Title == "Bad date survey (test data)"));
    }

    [Theory]
    [InlineData("31/02/2025", "'31/02/2025' is not a real date. Write a real date such as 28/02/2025, or a month such as 'February 2025'")]
    [InlineData("30.02.25", "'30.02.25' is not a real date. Write a real date such as 28/02/2025, or a month such as 'February 2025'")]
    [InlineData("32 March 2025", "'32 March 2025' is not a real date. Write a real date such as 31 March 2025, or a month such as 'March 2025'")]
    public async Task By_when_refuses_text_written_as_an_impossible_date(string due, string message)
    {
        var action = await app.TestData.CreateActionAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", EditForm(action, due));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(Page(await response.Content.ReadAsStringAsync()), "Input_DueText", message);
        Assert.Equal(action.DueText, (await app.TestData.ActionAsync(action.Id)).DueText);
    }

    [Theory]
    [InlineData("June and March 2025")]
    [InlineData("Ongoing")]
    [InlineData("Q3")]
    [InlineData("29/02/2024")]
    public async Task By_when_stays_free_text(string due)
    {
        var action = await app.TestData.CreateActionAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", EditForm(action, due));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(due, (await app.TestData.ActionAsync(action.Id)).DueText);
    }

    [Fact]
    public async Task An_action_needs_its_does_what_text()
    {
        var action = await app.TestData.CreateActionAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var form = EditForm(action, action.DueText);
        form["Input.DoesWhat"] = "   ";
        var response = await owner.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", form);

        AssertFieldError(Page(await response.Content.ReadAsStringAsync()), "Input_DoesWhat", "Enter what is done");
    }

    private static Dictionary<string, string> EditForm(ServicePlan.Plans.PlanAction action, string due) => new()
    {
        ["Input.Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Ref"] = action.Ref,
        ["Input.LeadsText"] = action.LeadsText,
        ["Input.DoesWhat"] = action.DoesWhat,
        ["Input.DueText"] = due,
        ["Input.Measure"] = action.Measure,
        ["Input.ChildrenExperience"] = action.ChildrenExperience,
    };

    [Theory]
    [InlineData("", "Enter an email address")]
    [InlineData("someone", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("someone@example", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("some one@example.com", "Enter an email address in the correct format, like name@example.com")]
    public async Task Adding_a_user_needs_a_real_email_address(string email, string message)
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/admin/users/add", "/admin/users/add", new() { ["Input.Email"] = email, ["Input.Name"] = "Test Person", ["Input.Role"] = Roles.Viewer });

        AssertFieldError(Page(await response.Content.ReadAsStringAsync()), "Input_Email", message);
    }

    [Fact]
    public async Task Adding_a_user_needs_a_name_and_a_role()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/admin/users/add", "/admin/users/add", new() { ["Input.Email"] = "new.person@example.com", ["Input.Name"] = "" });

        var page = Page(await response.Content.ReadAsStringAsync());
        AssertFieldError(page, "Input_Name", "Enter the person's name");
        Assert.Contains("Select a role", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Input_Role-error", page.QuerySelector("fieldset")?.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter your email address")]
    [InlineData("not-an-address", "Enter an email address in the correct format, like name@example.com")]
    public async Task Sign_in_needs_an_email_address_and_ties_the_message_to_the_field(string email, string message)
    {
        using var client = app.CreateClient();

        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "" });

        var page = Page(await response.Content.ReadAsStringAsync());
        AssertFieldError(page, "Input_Email", message);
        AssertFieldError(page, "Input_Password", "Enter your password");
    }

    [Fact]
    public async Task Change_password_ties_each_message_to_its_field_with_the_hint()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var response = await client.PostFormAsync("/account/change-password", "/account/change-password", new() { ["Input.CurrentPassword"] = "", ["Input.NewPassword"] = "", ["Input.ConfirmPassword"] = "something else" });

        var page = Page(await response.Content.ReadAsStringAsync());
        AssertFieldError(page, "Input_CurrentPassword", "Enter your current password");
        AssertFieldError(page, "Input_NewPassword", "Enter a new password");
        Assert.Equal("Input_NewPassword-hint Input_NewPassword-error", page.GetElementById("Input_NewPassword")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task The_narrative_needs_its_committee_and_a_real_author_email()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q2 test"));
        var reviewId = plan.ReviewId("Q2 test");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var url = $"/reviews/{reviewId}/narrative";
        var response = await owner.PostFormAsync(url, url, new() { ["Version"] = "0", ["Input.Committees"] = "", ["Input.Subject"] = "Plan update", ["Input.AuthorEmail"] = "author.example.com" });

        var page = Page(await response.Content.ReadAsStringAsync());
        AssertFieldError(page, "Input_Committees", "Enter the committee or committees the report goes to");
        AssertFieldError(page, "Input_AuthorEmail", "Enter an email address in the correct format, like name@example.com");
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Narratives.AnyAsync(n => n.ReviewId == reviewId));
    }

    [Theory]
    [InlineData("?rating=purple", "We did not recognise the rating 'purple'")]
    [InlineData("?section=not-a-guid", "We did not recognise the section 'not-a-guid'")]
    [InlineData("?lead=42&source=x", "We did not recognise the lead '42'")]
    public async Task An_unknown_filter_on_the_action_list_is_ignored_with_a_message(string query, string message)
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        var page = await viewer.GetPageAsync($"/plans/{plan.PlanId}/actions{query}");

        Assert.DoesNotContain("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector("#list-problems")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Theory]
    [InlineData("/sources?kind=planets", "The kind of source 'planets' in the web address is not one we know")]
    [InlineData("/admin/audit?from=31/02/2025", "The from date '31/02/2025' is not a real date")]
    [InlineData("/admin/audit?older=many", "The page number 'many' in the web address is not one we know")]
    [InlineData("/admin/audit?entity=Spaceship", "The kind of record 'Spaceship' in the web address is not one we know")]
    public async Task An_unknown_filter_elsewhere_is_ignored_with_a_message(string url, string message)
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var page = await admin.GetPageAsync(url);

        Assert.DoesNotContain("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector("#ignored-filters")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(405)]
    [InlineData(409)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task The_error_page_always_says_something(int code)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync($"/error/{code}");

        var page = Page(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("h1")?.TextContent));
        Assert.True(page.QuerySelectorAll("main p").Length >= 1 && page.QuerySelector("main p")!.TextContent.Trim().Length > 20);
    }
}
