using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Redaction;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Reviews;

/// <summary>A closed review is a record: what happens to the plan afterwards never changes what it reports.</summary>
[Trait("Category", "Database")]
public sealed class ClosedReviewTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static Dictionary<string, string> Opening(string label, DateOnly date) => new()
    {
        ["Input.Label"] = label,
        ["Input.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Counts(IHtmlDocument page) =>
        string.Join("/", new[] { "Blue", "Green", "Amber", "Red", "None" }.Select(r => page.QuerySelector($"[data-rating={r}]")!.TextContent.Trim()));

    /// <summary>What the review page reports: how many were updated, and every list of what moved.</summary>
    private static string Figures(IHtmlDocument page) =>
        page.QuerySelector("#progress")!.TextContent + string.Concat(page.QuerySelectorAll(".app-moved").Select(m => m.TextContent));

    private async Task<Guid> ImportAsync(string title)
    {
        var csv = new StringBuilder("Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n");
        string[] ratings = ["Blue", "Green", "Amber", "Red", ""];
        for (var i = 0; i < 10; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Section {i / 5 + 1},Aim {i},HoS,Does thing {i} for children,Mar-25,Measure {i},Children feel heard,{ratings[i % 5]},Imported note {i}\r\n");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), new ImportRequest
        {
            FileName = "plan.csv",
            OrganisationId = await app.TestData.DemoOrganisationIdAsync(),
            Options = new() { Title = title, Period = new(2024) },
        });
        return report.PlanId ?? throw new InvalidOperationException(string.Join("; ", report.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task An_earlier_dated_review_opened_after_an_import_is_refused_and_the_imported_review_keeps_its_counts()
    {
        var planId = await ImportAsync("Imported plan for frozen reviews");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        Guid imported;
        await using (var db = app.Database.CreateContext())
            imported = await db.Reviews.Where(r => r.PlanId == planId).Select(r => r.Id).SingleAsync();
        var before = await owner.GetPageAsync($"/reviews/{imported}");
        var json = await owner.Http.GetStringAsync($"/reviews/{imported}/report/json");
        Assert.Equal("2/2/2/2/2", Counts(before));

        // The imported review is dated today (15 October 2024): a review dated before it is refused, on the date field.
        var refused = await owner.PostFormAsync($"/plans/{planId}/reviews", $"/plans/{planId}/reviews", Opening("Q1 2024-25", new DateOnly(2024, 7, 15)));
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(
            "Error: The review date must be after 15 October 2024, the date of Imported, the latest closed review",
            page.QuerySelector("#Input-date-error")!.TextContent.Trim());
        await using (var db = app.Database.CreateContext())
            Assert.Equal(1, await db.Reviews.CountAsync(r => r.PlanId == planId));

        // A later review with updates, a new action and an edited one: the imported review reports what it did.
        var opened = await owner.PostFormAsync($"/plans/{planId}/reviews", $"/plans/{planId}/reviews", Opening("Q3 2024-25", new DateOnly(2025, 1, 15)));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            foreach (var action in await db.Actions.Where(a => a.PlanId == planId).Take(4).ToListAsync())
            {
                db.ProgressUpdates.Add(new ProgressUpdate { ActionId = action.Id, Rating = Rating.Red, Comment = "Slipped after the import", AuthorName = "Jordan Example", RecordedAtUtc = app.Clock.Now.UtcDateTime.AddMinutes(5), ReviewId = await db.Reviews.Where(r => r.PlanId == planId && r.Status == ReviewStatus.Open).Select(r => (Guid?)r.Id).SingleAsync() });
                action.DoesWhat = "Reworded after the import";
            }

            await db.SaveChangesAsync();
        }

        var after = await owner.GetPageAsync($"/reviews/{imported}");
        Assert.Equal("2/2/2/2/2", Counts(after));
        Assert.Equal(Figures(before), Figures(after));
        Assert.Equal(json, await owner.Http.GetStringAsync($"/reviews/{imported}/report/json"));
    }

    [Fact]
    public async Task The_story_of_the_bug_an_earlier_review_slipped_in_before_the_rule_leaves_the_closed_review_as_it_was()
    {
        // Reviews dated out of order can still exist (made before the rule, or by an import): the closed review's
        // figures come from what it recorded, not from the order of the dates.
        var planId = await ImportAsync("Imported plan for the bug story");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await using var db = app.Database.CreateContext();
        var imported = await db.Reviews.Where(r => r.PlanId == planId).Select(r => r.Id).SingleAsync();
        var json = await owner.Http.GetStringAsync($"/reviews/{imported}/report/json");
        var before = Counts(await owner.GetPageAsync($"/reviews/{imported}"));

        var earlier = new Review { PlanId = planId, Label = "Catch-up", Date = new DateOnly(2024, 9, 1), OpenedAtUtc = app.Clock.Now.UtcDateTime };
        db.Reviews.Add(earlier);
        var unrated = await db.Actions.Where(a => a.PlanId == planId && !db.ProgressUpdates.Any(u => u.ActionId == a.Id && u.Rating != Rating.None)).FirstAsync();
        db.ProgressUpdates.Add(new ProgressUpdate { ActionId = unrated.Id, ReviewId = earlier.Id, Rating = Rating.Blue, Comment = "Done before the import", AuthorName = "Jordan Example", RecordedAtUtc = app.Clock.Now.UtcDateTime.AddMinutes(1) });
        await db.SaveChangesAsync();

        Assert.Equal(before, Counts(await owner.GetPageAsync($"/reviews/{imported}")));
        Assert.Equal(json, await owner.Http.GetStringAsync($"/reviews/{imported}/report/json"));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var trend = await scope.ServiceProvider.GetRequiredService<ReviewQueries>().TrendAsync(planId);
        Assert.Equal(new ServicePlan.Plans.RatingCounts(Blue: 2, Red: 2, Amber: 2, Green: 2, Unrated: 2), trend.Single(t => t.Review.Id == imported).Counts);
    }

    [Fact]
    public async Task A_closed_review_without_a_snapshot_gets_one_when_first_read_and_keeps_it()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithClosedReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Early Help", s => s.WithAction(a => a.WithRef("1").WithUpdate(Rating.Blue, "Done", review: "Q1 2024-25"))));
        var q1 = plan.ReviewId("Q1 2024-25");
        await using (var db = app.Database.CreateContext())
            await db.ReviewSnapshots.Where(s => s.ReviewId == q1).ExecuteDeleteAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var first = await owner.Http.GetStringAsync($"/reviews/{q1}/report/json");
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.ReviewSnapshots.AnyAsync(s => s.ReviewId == q1));
            var action = await db.Actions.SingleAsync(a => a.Id == plan.Action("1").Id);
            action.DoesWhat = "Reworded later";
            await db.SaveChangesAsync();
        }

        Assert.Equal(first, await owner.Http.GetStringAsync($"/reviews/{q1}/report/json"));
        Assert.Contains("Test action 1", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redacting_a_comment_and_an_action_text_erases_them_from_a_closed_review_too()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q2 2024-25", new DateOnly(2024, 10, 15))
            .WithSection("Early Help", s => s.WithAction(a => a.WithRef("3.1").WithDoesWhat("Visit the Wexcombe hub weekly").WithUpdate(Rating.Amber, "Met Marigold Pennywhistle at the hub"))));
        var review = plan.ReviewId("Q2 2024-25");
        var action = plan.Action("3.1");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/reviews/{review}", $"/reviews/{review}?handler=Close", [])).StatusCode);
        Assert.Contains("Pennywhistle", await owner.Http.GetStringAsync($"/reviews/{review}/report/json"), StringComparison.Ordinal);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var redactions = scope.ServiceProvider.GetRequiredService<Redactions>();
            var redactor = new Redactor(null, "Rachel Talmage", plan.OrganisationId);
            Assert.IsType<RedactionResult.Redacted>(await redactions.RedactAsync(new RedactionTarget.Comment(action.UpdateIds.Single()), redactor, "A name"));
            Assert.IsType<RedactionResult.Redacted>(await redactions.RedactAsync(new RedactionTarget.ActionText(action.Id, ActionTextField.DoesWhat), redactor, "A place"));
        }

        var json = await owner.Http.GetStringAsync($"/reviews/{review}/report/json");
        var page = (await owner.GetPageAsync($"/reviews/{review}")).QuerySelector("main")!.TextContent;
        foreach (var text in new[] { json, page })
        {
            Assert.DoesNotContain("Pennywhistle", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Wexcombe", text, StringComparison.Ordinal);
        }

        var amber = JsonDocument.Parse(json).RootElement.GetProperty("areasForDevelopment").EnumerateArray().Single();
        Assert.Equal("amber", amber.GetProperty("rating").GetString(), ignoreCase: true);
        Assert.Equal("[redacted on 15 October 2024 by Rachel Talmage: A name]", amber.GetProperty("comment").GetString());
        Assert.Equal("[redacted on 15 October 2024 by Rachel Talmage: A place]", amber.GetProperty("title").GetString());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.ReviewSnapshotActions.AnyAsync(a => a.Comment.Contains("Pennywhistle") || a.DoesWhat.Contains("Wexcombe")));
    }

    [Fact]
    public async Task A_comment_marked_exempt_after_its_review_closed_is_withheld_from_the_public_report()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q2 2024-25", new DateOnly(2024, 10, 15))
            .WithSection("Early Help", s => s.WithAction(a => a.WithRef("4.1").WithUpdate(Rating.Red, "Legal advice on the placement awaited"))));
        var review = plan.ReviewId("Q2 2024-25");
        var action = plan.Action("4.1");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await owner.PostFormAsync($"/reviews/{review}", $"/reviews/{review}?handler=Close", []);
        Assert.Contains("Legal advice", await owner.Http.GetStringAsync($"/reviews/{review}/report/json?public=true"), StringComparison.Ordinal);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ProgressRecording>().SetExemptAsync(action.Id, action.UpdateIds.Single(), plan.OrganisationId, "Paragraph 5"));

        var json = await owner.Http.GetStringAsync($"/reviews/{review}/report/json?public=true");
        Assert.DoesNotContain("Legal advice", json, StringComparison.Ordinal);
        Assert.Contains(ServicePlan.Privacy.Schedule12A.WithheldComment, json, StringComparison.Ordinal);
    }
}
