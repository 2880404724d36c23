using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>
/// A whole quarter as the people who run it would do it, in Chromium: the owner opens the review, two leads update
/// their actions, the owner closes the review and downloads the committee report, which LibreOffice then prints.
/// </summary>
[Collection(RunAlone.Name)]
public sealed partial class QuarterJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string SecondLeadEmail = "amira.hussain@serviceplan.example";
    private const string SecondLeadPassword = "a-long-passphrase-for-tests";

    private readonly string _downloads = Directory.CreateTempSubdirectory("serviceplan-quarter-").FullName;

    [Fact]
    public async Task Owner_opens_the_review_two_leads_update_and_the_owner_closes_it_and_downloads_the_report()
    {
        // Sam Okafor (the Lead test user) leads 13 and 15; Amira Hussain, a second lead, leads 14. Q1 is open.
        await AddSecondLeadAsync();
        var created = await browser.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("13").WithLead(TestData.LeadName).WithUpdate(Rating.Amber, "Session booked."))
                .WithAction(a => a.WithRef("14").WithLead("Amira Hussain").WithUpdate(Rating.Green, "Step-down reviews on time."))
                .WithAction(a => a.WithRef("15").WithLead(TestData.LeadName).WithUpdate(Rating.Green, "Fund promoted.")))
            .WithSection("Children in Care", s => s
                .WithAction(a => a.WithRef("16").WithRating(Rating.Green))
                .WithAction(a => a.WithRef("17").WithRating(Rating.Red))
                .WithAction(a => a.WithRef("18"))));
        var (ref13, ref15, ref14) = (created.Action("13"), created.Action("15"), created.Action("14"));

        // The owner closes last quarter's review and opens this one.
        var owner = await browser.SignedInPageAsync(Roles.PlanOwner);
        await owner.GotoAsync($"/plans/{created.PlanId}/reviews");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Q1 2024-25" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Close Q1 2024-25" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The review is closed");
        await owner.GotoAsync($"/plans/{created.PlanId}/reviews");
        await owner.GetByLabel("Label").FillAsync("Q2 2024-25");
        await owner.GetByLabel("Day").FillAsync("15");
        await owner.GetByLabel("Month").FillAsync("10");
        await owner.GetByLabel("Year").FillAsync("2024");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Open review" }).ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Q2 2024-25");
        await Assertions.Expect(owner.Locator("#progress")).ToContainTextAsync("0 of 6");
        var reviewUrl = owner.Url;

        // Sam Okafor updates both his actions; his "my actions" page shows them waiting first.
        var sam = await browser.SignedInPageAsync(Roles.Lead);
        await sam.GotoAsync("/my-actions");
        await Assertions.Expect(sam.Locator("main")).ToContainTextAsync("Q2 2024-25");
        await AddProgressAsync(sam, ref13.Id, "Blue", "Disproportionality session held at the SEND programme board in September.");
        await AddProgressAsync(sam, ref15.Id, "Amber", "Household support fund leaflet drafted; translation still to do.");
        await sam.Context.CloseAsync();

        // A second lead, linked to the management team, updates one of theirs.
        var amira = await SignInAsync(SecondLeadEmail, SecondLeadPassword);
        await AddProgressAsync(amira, ref14.Id, "Red", "Step-down reviews paused while two managers are recruited.");
        await amira.Context.CloseAsync();

        // The owner sees the progress, closes the review and downloads the report.
        await owner.GotoAsync(reviewUrl);
        await Assertions.Expect(owner.Locator("#progress")).ToContainTextAsync("3 of 6");
        await Assertions.Expect(owner.Locator("[data-moved='newly-blue'] tr[data-action-ref='13']")).ToHaveCountAsync(1);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Close Q2 2024-25" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The review is closed");

        var download = await owner.RunAndWaitForDownloadAsync(() => owner.GetByRole(AriaRole.Link, new() { Name = "Cover report (.docx)" }).ClickAsync());
        var docx = Path.Combine(_downloads, "q2-report.docx");
        await download.SaveAsAsync(docx);
        await owner.Context.CloseAsync();

        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Disproportionality session held at the SEND programme board in September.", text, StringComparison.Ordinal);
        }

        var printed = Whitespace().Replace(await LibreOffice.PrintedTextAsync(docx), " ");
        Assert.Contains("Q2 2024-25", printed, StringComparison.Ordinal);
        Assert.Contains("There are:", printed, StringComparison.Ordinal);
        Assert.Contains("Key achievements", printed, StringComparison.Ordinal);
        Assert.Contains("Disproportionality session held at the SEND programme board in September.", printed, StringComparison.Ordinal);
        Assert.Contains("Step-down reviews paused while two managers are recruited.", printed, StringComparison.Ordinal);
        Assert.Contains("Household support fund leaflet drafted", printed, StringComparison.Ordinal);

        // Closed means frozen: the leads' words are kept as they were filed.
        await using var db = browser.Database.CreateContext();
        var q2 = await db.Reviews.SingleAsync(r => r.PlanId == created.PlanId && r.Label == "Q2 2024-25");
        Assert.Equal(3, await db.ProgressUpdates.CountAsync(u => u.ReviewId == q2.Id));
        Assert.Equal(ServicePlan.Reviews.ReviewStatus.Closed, q2.Status);
    }

    private static async Task AddProgressAsync(IPage page, Guid actionId, string rating, string comment)
    {
        await page.GotoAsync($"/actions/{actionId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a progress update" }).ClickAsync();
        await page.GetByLabel(rating, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Comment on progress").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"Progress update added: {rating}");
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/plans");
        return page;
    }

    /// <summary>Amira Hussain's account, made before the plan so the plan's Amira Hussain is linked to it.</summary>
    private async Task AddSecondLeadAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(SecondLeadEmail, "Amira Hussain", Roles.Lead, await browser.TestData.DemoOrganisationIdAsync(), SecondLeadPassword);
        Assert.IsType<AddUserResult.Added>(added);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_downloads, recursive: true);
        }
        catch (IOException)
        {
            // LibreOffice may still hold its profile; the temp folder is swept anyway.
        }
    }
}
