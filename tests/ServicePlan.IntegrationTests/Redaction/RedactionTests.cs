using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ServicePlan.Audit;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Redaction;

[Trait("Category", "Database")]
public sealed class RedactionTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string Review = "Q3 2024-25";

    /// <summary>
    /// Made-up personal data: words no seed or demo plan holds. Each test has a name of its own, because the tests of
    /// this class share a database and some leave their words in it.
    /// </summary>
    private const string Words = "Zebedee Quillfeather 07700 900123";

    private const string Reason = "A child's name and phone number";

    /// <summary>The demo owner's redaction on the tests' fixed day.</summary>
    private const string Marker = "[redacted on 15 October 2024 by Rachel Talmage: A child's name and phone number]";

    private static Dictionary<string, string> Redaction(string reason = Reason, bool confirm = true)
    {
        var fields = new Dictionary<string, string> { ["Reason"] = reason };
        if (confirm)
            fields["Confirm"] = "true";
        return fields;
    }

    private async Task<TestClient> SignedInAsync(string role)
    {
        var client = app.CreateClient();
        await client.SignInAsync(role);
        return client;
    }

    private async Task<(CreatePlanResult Plan, Guid ActionId)> PlanLedByTheLeadAsync() =>
        await app.TestData.CreatePlanAsync(p => p.WithOpenReview(Review).WithSection("Early Help", s => s.WithAction(a => a.WithRef("2.1").WithLead(TestData.LeadName))))
            is var plan ? (plan, plan.SingleAction.Id) : default;

    private async Task<Guid> AddCommentAsync(TestClient client, Guid actionId, string comment)
    {
        var added = await client.PostFormConfirmingPersonalDataAsync($"/actions/{actionId}/progress", new() { ["Input.Rating"] = "Amber", ["Input.Comment"] = comment });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var db = app.Database.CreateContext();
        return await db.ProgressUpdates.Where(u => u.ActionId == actionId).OrderByDescending(u => u.RecordedAtUtc).ThenByDescending(u => u.Id).Select(u => u.Id).FirstAsync();
    }

    private static async Task ChangeCommentAsync(TestClient author, Guid actionId, Guid updateId, string comment)
    {
        var url = $"/actions/{actionId}/updates/{updateId}/edit";
        var form = await author.GetPageAsync(url);
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var saved = await author.PostFormAsync(url, url, new() { ["Comment"] = comment, ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task After_a_redaction_the_words_are_nowhere_in_the_database_nor_in_any_download()
    {
        var (plan, actionId) = await PlanLedByTheLeadAsync();
        using var lead = await SignedInAsync(Roles.Lead);
        using var owner = await SignedInAsync(Roles.PlanOwner);
        var updateId = await AddCommentAsync(lead, actionId, $"Met {Words} at the family hub.");
        // An earlier version, and audit before and after values, hold the words too.
        await ChangeCommentAsync(lead, actionId, updateId, $"Met {Words} at the family hub twice.");
        Assert.NotEmpty(await DatabaseTextsHoldingAsync("Quillfeather"));

        var redacted = await owner.PostFormAsync($"/actions/{actionId}/updates/{updateId}/redact", $"/actions/{actionId}/updates/{updateId}/redact", Redaction());

        Assert.Equal(HttpStatusCode.Redirect, redacted.StatusCode);
        foreach (var part in new[] { "Zebedee", "Quillfeather", "07700 900123" })
            Assert.Empty(await DatabaseTextsHoldingAsync(part));

        var review = plan.ReviewId(Review);
        string[] downloads =
        [
            $"/plans/{plan.PlanId}/export/xlsx",
            $"/plans/{plan.PlanId}/export/xlsx?public=true",
            $"/plans/{plan.PlanId}/export/csv",
            $"/plans/{plan.PlanId}/export/csv?public=true",
            $"/reviews/{review}/report/docx",
            $"/reviews/{review}/report/html",
            $"/reviews/{review}/report/json",
            $"/reviews/{review}/report/docx?public=true",
            $"/reviews/{review}/report/html?public=true",
            $"/reviews/{review}/report/json?public=true",
            $"/actions/{actionId}",
            $"/api/actions/{actionId}",
        ];
        foreach (var url in downloads)
        {
            var response = await owner.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
            var text = Readable(await response.Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain("Quillfeather", text, StringComparison.Ordinal);
            Assert.DoesNotContain("900123", text, StringComparison.Ordinal);
        }

        var page = await owner.GetPageAsync($"/actions/{actionId}");
        var row = page.QuerySelector(".app-history-row")!;
        Assert.StartsWith(Marker, row.QuerySelectorAll("td")[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Marker, row.QuerySelector(".app-earlier-wording__text")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_audit_trail_records_who_redacted_what_when_and_why_but_not_the_words()
    {
        var (_, actionId) = await PlanLedByTheLeadAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);
        var updateId = await AddCommentAsync(owner, actionId, $"Spoke to Peregrine Ashdown about the plan.");

        await owner.PostFormAsync($"/actions/{actionId}/updates/{updateId}/redact", $"/actions/{actionId}/updates/{updateId}/redact", Redaction());

        await using var db = app.Database.CreateContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == updateId.ToString()).ToListAsync();
        var redaction = Assert.Single(entries, e => e.Change == AuditChange.Redacted);
        Assert.Equal("Progress update", redaction.Entity);
        Assert.Equal("Rachel Talmage", redaction.UserName);
        Assert.NotNull(redaction.UserId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, redaction.AtUtc);
        Assert.Equal(actionId, redaction.ActionId);
        Assert.Equal([new FieldChange("Redaction", null, $"Comment on action 2.1 redacted by Rachel Talmage: {Reason}")], redaction.Fields);

        // The entry recording the comment's addition keeps that it happened, with the marker for its words.
        var added = Assert.Single(entries, e => e.Change == AuditChange.Added);
        Assert.Contains(new FieldChange("Comment", null, Marker), added.Fields);
        Assert.DoesNotContain(entries, e => e.Changes.Contains("Ashdown", StringComparison.Ordinal));

        var page = await owner.GetPageAsync($"/actions/{actionId}");
        Assert.Contains($"Comment on action 2.1 redacted by Rachel Talmage: {Reason}", page.QuerySelector("#change-log")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_text_is_redacted_with_its_earlier_values_and_its_copy_in_the_rolled_over_plan()
    {
        // Last year's plan, closed, whose action was carried into this year's with the same words.
        const string doesWhat = "Review Isolde Thistlewood's placement with the fostering team";
        var lastYear = await app.TestData.CreatePlanAsync(p => p.ForYear(2023).WithSection("Children in Care", s => s.WithAction(a => a.WithRef("4.2").WithDoesWhat(doesWhat))));
        using var owner = await SignedInAsync(Roles.PlanOwner);
        var rolled = await owner.PostFormAsync($"/plans/{lastYear.PlanId}/rollover", $"/plans/{lastYear.PlanId}/rollover", new() { ["Period"] = "2024-25", ["Confirm"] = "true" });
        Guid carriedId;
        await using (var db = app.Database.CreateContext())
        {
            var carried = await db.Actions.AsNoTracking().Where(a => a.PredecessorId == lastYear.SingleAction.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            Assert.True(carried is not null, $"The plan was not rolled over: {(int)rolled.StatusCode}");
            carriedId = carried.Value;
        }

        // Redacted from last year's closed plan: allowed, and the copy goes too.
        var redacted = await owner.PostFormAsync($"/actions/{lastYear.SingleAction.Id}/redact/does-what", $"/actions/{lastYear.SingleAction.Id}/redact/does-what", Redaction());

        Assert.Equal(HttpStatusCode.Redirect, redacted.StatusCode);
        var old = await app.TestData.ActionAsync(lastYear.SingleAction.Id);
        var copy = await app.TestData.ActionAsync(carriedId);
        Assert.Equal(Marker, old.DoesWhat);
        Assert.Equal(Marker, copy.DoesWhat);
        Assert.Empty(await DatabaseTextsHoldingAsync("Thistlewood"));
        var page = await owner.GetPageAsync($"/actions/{carriedId}");
        Assert.Contains(Marker, page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redacting_an_action_text_that_was_edited_erases_every_earlier_value_from_the_trail()
    {
        var (_, actionId) = await PlanLedByTheLeadAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);
        var action = await app.TestData.ActionAsync(actionId);
        var edited = await owner.PostFormConfirmingPersonalDataAsync($"/actions/{actionId}/edit", new()
        {
            ["Input.Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Ref"] = action.Ref,
            ["Input.LeadsText"] = action.LeadsText,
            ["Input.DoesWhat"] = action.DoesWhat,
            ["Input.DueText"] = action.DueText,
            ["Input.Measure"] = "Visits to Q.F. logged",
            ["Input.ChildrenExperience"] = action.ChildrenExperience,
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var redacted = await owner.PostFormAsync($"/actions/{actionId}/redact/measure", $"/actions/{actionId}/redact/measure", Redaction());

        Assert.Equal(HttpStatusCode.Redirect, redacted.StatusCode);
        Assert.Equal(Marker, (await app.TestData.ActionAsync(actionId)).Measure);
        // Shorter than the words searched for elsewhere, but the action's own history loses it, earlier values included.
        Assert.Empty(await DatabaseTextsHoldingAsync("Visits to Q.F."));
        Assert.Empty(await DatabaseTextsHoldingAsync("Checked in supervision (test data)", planId: action.PlanId));
    }

    [Fact]
    public async Task A_paragraph_of_a_review_narrative_is_redacted_and_the_rest_of_the_narrative_stays()
    {
        var (plan, _) = await PlanLedByTheLeadAsync();
        var review = plan.ReviewId(Review);
        using var owner = await SignedInAsync(Roles.PlanOwner);
        var saved = await owner.PostFormConfirmingPersonalDataAsync($"/reviews/{review}/narrative", new()
        {
            ["Version"] = "0",
            ["Input.Committees"] = "Safeguarding Sub-Committee",
            ["Input.Subject"] = "Service Development Plan: Q3 update",
            ["Input.AuthorName"] = "Rachel Talmage",
            ["Input.AuthorTitle"] = "Head of Service",
            ["Input.Summary"] = "The plan is on track.",
            ["Input.Background"] = $"The plan was written in April.\n\nA complaint from Marigold Fennimore was upheld.\n\nThe board meets quarterly.",
            ["Input.Recommendation"] = "Members are asked to note the report.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var list = await owner.GetPageAsync($"/reviews/{review}/narrative/redact");
        var link = list.QuerySelectorAll(".app-narrative-paragraphs[data-field=Background] a").Select(a => a.GetAttribute("href")).ElementAt(1)!;
        Assert.Equal($"/reviews/{review}/narrative/redact/Background/1", link);
        var form = await owner.GetPageAsync(link);
        Assert.Equal($"A complaint from Marigold Fennimore was upheld.", form.QuerySelector("#words p")!.TextContent.Trim());

        var redacted = await owner.PostFormAsync(link, link, Redaction());

        Assert.Equal(HttpStatusCode.Redirect, redacted.StatusCode);
        await using var db = app.Database.CreateContext();
        var narrative = await db.Narratives.AsNoTracking().SingleAsync(n => n.ReviewId == review);
        Assert.Equal($"The plan was written in April.\n\n{Marker}\n\nThe board meets quarterly.", narrative.Background);
        Assert.Equal("The plan is on track.", narrative.Summary);
        Assert.Empty(await DatabaseTextsHoldingAsync("Fennimore"));
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "Report narrative" && e.EntityId == narrative.Id.ToString()).ToListAsync();
        Assert.Contains(trail, e => e.Change == AuditChange.Redacted && e.Fields.Single().After == $"Background paragraph 2 of the {Review} report narrative redacted by Rachel Talmage: {Reason}");
        Assert.Contains(trail, e => e.Fields.Any(f => f.After?.Contains("The board meets quarterly.", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_comment_in_a_closed_review_can_be_redacted_and_that_is_the_only_change_it_takes()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithClosedReview("Q1 2024-25").WithSection("Early Help", s => s.WithAction(a => a.WithRef("2.1").WithUpdate(Rating.Green, $"Closed-review note about Barnaby Wolverton", review: "Q1 2024-25"))));
        var action = plan.SingleAction;
        using var owner = await SignedInAsync(Roles.PlanOwner);

        var redacted = await owner.PostFormAsync($"/actions/{action.Id}/updates/{action.UpdateIds[0]}/redact", $"/actions/{action.Id}/updates/{action.UpdateIds[0]}/redact", Redaction());

        Assert.Equal(HttpStatusCode.Redirect, redacted.StatusCode);
        var update = Assert.Single((await app.TestData.ActionAsync(action.Id)).Updates);
        Assert.Equal(Marker, update.Comment);
        Assert.Equal(Rating.Green, update.Rating);
    }

    [Fact]
    public async Task A_redaction_without_a_reason_or_confirmation_is_refused_and_nothing_changes()
    {
        var (_, actionId) = await PlanLedByTheLeadAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);
        var updateId = await AddCommentAsync(owner, actionId, $"Visited Cressida Hollowell.");
        var url = $"/actions/{actionId}/updates/{updateId}/redact";

        var response = await owner.PostFormAsync(url, url, Redaction(reason: " ", confirm: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter why the words are being redacted", summary, StringComparison.Ordinal);
        Assert.Contains("Confirm that these words are to be erased everywhere", summary, StringComparison.Ordinal);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.NotEmpty(await DatabaseTextsHoldingAsync("Hollowell"));
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Only_plan_owners_and_admins_redact(string role)
    {
        var (_, actionId) = await PlanLedByTheLeadAsync();
        using var lead = await SignedInAsync(Roles.Lead);
        var updateId = await AddCommentAsync(lead, actionId, $"Visited Cressida Hollowell.");
        using var client = await SignedInAsync(role);

        var page = await client.GetPageAsync($"/actions/{actionId}");
        var form = await client.Http.GetAsync($"/actions/{actionId}/updates/{updateId}/redact");
        var post = await client.PostFormAsync($"/actions/{actionId}", $"/actions/{actionId}/updates/{updateId}/redact", Redaction());
        var field = await client.Http.GetAsync($"/actions/{actionId}/redact/does-what");

        Assert.Null(page.QuerySelector(".app-redact-comment, .app-redact-field"));
        foreach (var response in new[] { form, post, field })
            Assert.Contains("access-denied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.NotEmpty(await DatabaseTextsHoldingAsync("Hollowell"));
    }

    [Fact]
    public async Task An_admin_redacts_from_the_action_page_links()
    {
        var (_, actionId) = await PlanLedByTheLeadAsync();
        using var admin = await SignedInAsync(Roles.Admin);
        var updateId = await AddCommentAsync(admin, actionId, $"Visited Anselm Pinkerton.");

        var page = await admin.GetPageAsync($"/actions/{actionId}");
        var commentLink = page.QuerySelector(".app-redact-comment")!.GetAttribute("href")!;
        var fieldLinks = page.QuerySelectorAll(".app-redact-field").Select(a => a.GetAttribute("href")).ToList();
        var redacted = await admin.PostFormAsync(commentLink, commentLink, Redaction());

        Assert.Equal($"/actions/{actionId}/updates/{updateId}/redact", commentLink);
        Assert.Equal(
            ["why", "who", "does-what", "by-when", "measure", "experience"],
            fieldLinks.Select(l => l!.Split('/').Last()));
        Assert.Equal(HttpStatusCode.Redirect, redacted.StatusCode);
        Assert.Empty(await DatabaseTextsHoldingAsync("Pinkerton"));
    }

    /// <summary>
    /// Every text column of every table the model maps, read with plain SQL: where (table.column) the words are found.
    /// Limited to one plan's rows where <paramref name="planId"/> is given and the table has a PlanId column.
    /// </summary>
    private async Task<List<string>> DatabaseTextsHoldingAsync(string words, Guid? planId = null)
    {
        await using var db = app.Database.CreateContext();
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            if (entityType.GetTableName() is not { } table)
                continue;
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Where(p => p.ClrType == typeof(string) || p.GetProviderClrType() == typeof(string))
                .Select(p => p.GetColumnName(store))
                .OfType<string>()
                .Distinct()
                .ToList();
            var planColumn = planId is not null && entityType.GetProperties().Any(p => p.GetColumnName(store) == "PlanId");
            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\"" + (planColumn ? $" WHERE \"PlanId\" = '{planId}'" : "");
                if (planColumn && app.Database.Provider == ServicePlan.Database.DatabaseProvider.Sqlite)
                    command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE lower(\"PlanId\") = '{planId}'";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (!reader.IsDBNull(0) && Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!.Contains(words, StringComparison.Ordinal))
                        found.Add($"{table}.{column}");
                }
            }
        }

        return found;
    }

    /// <summary>A download as text: a .docx or .xlsx unzipped, every part of it, or the bytes as UTF-8.</summary>
    private static string Readable(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.AppendLine(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
