using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.UpdateSheet;

/// <summary>The update sheet round trip: download a lead's actions, fill the sheet in, upload it, check the preview, apply.</summary>
[Trait("Category", "Database")]
public sealed class UpdateSheetTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<(CreatePlanResult Plan, TestUser Lead, TestUser Colleague)> PlanAsync()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var colleague = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q2 2024-25", new DateOnly(2024, 10, 15))
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("1.1").WithLead(lead.Name).WithDoesWhat("Run the weekly panel").WithUpdate(Rating.Amber, "Panel started late."))
                .WithAction(a => a.WithRef("1.2").WithLead(lead.Name).WithDoesWhat("Promote the fund"))
                .WithAction(a => a.WithRef("1.3").WithLead(colleague.Name).WithDoesWhat("Review the leaflets"))));
        return (plan, lead, colleague);
    }

    private static string SheetUrl(Guid planId) => $"/plans/{planId}/update-sheet";

    private static async Task<byte[]> DownloadAsync(TestClient client, Guid planId, Guid personId)
    {
        var response = await client.Http.GetAsync($"{SheetUrl(planId)}?handler=Download&person={personId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Types a rating and comment into the row of each ref, as a lead would in Excel.</summary>
    private static byte[] Fill(byte[] sheet, params (string Ref, string Rating, string Comment)[] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(sheet);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbookPart = document.WorkbookPart!;
            var entry = workbookPart.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Updates");
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(entry.Id!)).Worksheet;
            var strings = workbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            string Text(Cell cell) => cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : cell.InnerText;
            foreach (var (reference, rating, comment) in rows)
            {
                var row = worksheet.Descendants<Row>().First(r => r.Elements<Cell>().FirstOrDefault() is { } a && a.CellReference == $"A{r.RowIndex}" && Text(a) == reference);
                foreach (var (column, text) in new[] { ("F", rating), ("G", comment) })
                {
                    var cell = row.Elements<Cell>().First(c => c.CellReference == $"{column}{row.RowIndex}");
                    cell.CellValue = null;
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text));
                }
            }

            worksheet.Save();
        }

        return stream.ToArray();
    }

    private static async Task<IHtmlDocument> UploadAsync(TestClient client, Guid planId, byte[] sheet, string fileName = "update-sheet.xlsx")
    {
        var page = await client.GetPageAsync(SheetUrl(planId));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.Http.PostAsync($"{SheetUrl(planId)}?handler=Preview", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TestClient.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> ApplyAsync(TestClient client, Guid planId, IHtmlDocument preview, bool confirmConflicts = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = preview.QuerySelector("input[name=token]")!.GetAttribute("value")!,
            ["fileName"] = preview.QuerySelector("input[name=fileName]")!.GetAttribute("value")!,
        };
        var confirmed = confirmConflicts
            ? preview.QuerySelectorAll("input[name=confirmed]").Select(i => new KeyValuePair<string, string>("confirmed", i.GetAttribute("value")!)).ToList()
            : [];
        return await client.PostFormAsync(SheetUrl(planId), $"{SheetUrl(planId)}?handler=Apply", fields, confirmed);
    }

    private static string[] PreviewRefs(IHtmlDocument preview) =>
        [.. preview.QuerySelectorAll("#preview tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!)];

    private async Task<List<ProgressUpdate>> UpdatesAsync(Guid actionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.ProgressUpdates.AsNoTracking().Where(u => u.ActionId == actionId).OrderBy(u => u.RecordedAtUtc).ThenBy(u => u.Id).ToListAsync();
    }

    [Fact]
    public async Task The_owner_fills_in_a_leads_sheet_and_applies_it_as_the_leads_updates_entered_on_their_behalf()
    {
        var (plan, lead, _) = await PlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var page = await owner.GetPageAsync(SheetUrl(plan.PlanId));
        Assert.Contains(page.QuerySelectorAll("#person option"), o => o.GetAttribute("value") == plan.PersonIds[lead.Name].ToString());
        var sheet = await DownloadAsync(owner, plan.PlanId, plan.PersonIds[lead.Name]);
        var preview = await UploadAsync(owner, plan.PlanId, Fill(sheet, ("1.1", "Green", "Panel meets weekly now.")));

        Assert.Equal(["1.1"], PreviewRefs(preview));
        Assert.Equal("no", preview.QuerySelector("#preview tr[data-action-ref='1.1']")!.GetAttribute("data-conflict"));
        Assert.Single(await UpdatesAsync(plan.Action("1.1").Id));

        var applied = await ApplyAsync(owner, plan.PlanId, preview);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal($"/reviews/{plan.ReviewId("Q2 2024-25")}", applied.Headers.Location!.OriginalString);
        var latest = (await UpdatesAsync(plan.Action("1.1").Id))[^1];
        Assert.Equal((Rating.Green, "Panel meets weekly now.", lead.Name, plan.ReviewId("Q2 2024-25")), (latest.Rating, latest.Comment, latest.AuthorName, latest.ReviewId!.Value));
        Assert.Equal(TestData.OwnerName, latest.EnteredByName);
        Assert.Empty(await UpdatesAsync(plan.Action("1.2").Id));
        var review = await owner.GetPageAsync(applied.Headers.Location.OriginalString);
        Assert.Contains("Added 1 progress update for", review.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);

        // The sheet has been used up: applying it again finds nothing to apply.
        var again = await ApplyAsync(owner, plan.PlanId, preview);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await UpdatesAsync(plan.Action("1.1").Id)).Count);
    }

    [Fact]
    public async Task A_lead_applies_their_own_sheet_as_their_own_updates()
    {
        var (plan, lead, _) = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(lead);

        var myActions = await client.GetPageAsync("/my-actions");
        Assert.NotNull(myActions.QuerySelector($"[data-update-sheet='{plan.PlanId}'] a"));
        var page = await client.GetPageAsync(SheetUrl(plan.PlanId));
        Assert.Null(page.QuerySelector("#person option"));
        var sheet = await DownloadAsync(client, plan.PlanId, plan.PersonIds[lead.Name]);
        var preview = await UploadAsync(client, plan.PlanId, Fill(sheet, ("1.1", "Blue", "Panel runs weekly."), ("1.2", "Amber", "Fund leaflet drafted.")));
        Assert.Equal(["1.1", "1.2"], PreviewRefs(preview));

        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(client, plan.PlanId, preview)).StatusCode);

        var latest = (await UpdatesAsync(plan.Action("1.2").Id)).Single();
        Assert.Equal((Rating.Amber, lead.Name, (string?)null), (latest.Rating, latest.AuthorName, latest.EnteredByName));
        Assert.Equal(Rating.Blue, (await UpdatesAsync(plan.Action("1.1").Id))[^1].Rating);
    }

    [Fact]
    public async Task An_action_updated_by_someone_else_after_the_sheet_was_made_is_a_conflict_applied_only_when_confirmed()
    {
        var (plan, lead, _) = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(lead);
        var sheet = await DownloadAsync(client, plan.PlanId, plan.PersonIds[lead.Name]);

        // The owner updates 1.1 while the lead has the sheet.
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var action = plan.Action("1.1");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Red", ["Input.Comment"] = "Panel paused for the summer." })).StatusCode);

        var preview = await UploadAsync(client, plan.PlanId, Fill(sheet, ("1.1", "Green", "Panel meets weekly now."), ("1.2", "Green", "Fund promoted.")));
        var conflict = preview.QuerySelector("#preview tr[data-action-ref='1.1']")!;
        Assert.Equal("yes", conflict.GetAttribute("data-conflict"));
        Assert.Contains($"Red by {TestData.OwnerName}", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("no", preview.QuerySelector("#preview tr[data-action-ref='1.2']")!.GetAttribute("data-conflict"));

        // Not confirmed: nothing at all is saved, not even the row without a conflict.
        var refused = await ApplyAsync(client, plan.PlanId, preview);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was saved", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await UpdatesAsync(action.Id)).Count);
        Assert.Empty(await UpdatesAsync(plan.Action("1.2").Id));

        // Confirmed: both are added, the sheet's after the owner's.
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(client, plan.PlanId, page, confirmConflicts: true)).StatusCode);
        var updates = await UpdatesAsync(action.Id);
        Assert.Equal([Rating.Amber, Rating.Red, Rating.Green], updates.Select(u => u.Rating));
        Assert.Single(await UpdatesAsync(plan.Action("1.2").Id));
    }

    [Fact]
    public async Task A_bad_sheet_is_shown_with_its_rows_and_columns_and_saves_nothing()
    {
        var (plan, lead, _) = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(lead);
        var sheet = await DownloadAsync(client, plan.PlanId, plan.PersonIds[lead.Name]);

        var preview = await UploadAsync(client, plan.PlanId, Fill(sheet, ("1.1", "Purple", "Panel meets weekly now."), ("1.2", "Green", "")));

        var errors = preview.QuerySelectorAll("#errors tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("8 | Rating | \"Purple\" is not a BRAG rating", errors[0], StringComparison.Ordinal);
        Assert.Equal("9 | Comment on progress | Enter a comment on progress", errors[1]);
        Assert.Null(preview.QuerySelector("#apply"));
        Assert.Single(await UpdatesAsync(plan.Action("1.1").Id));
        Assert.Empty(await UpdatesAsync(plan.Action("1.2").Id));

        // A spreadsheet that is not an update sheet (the plan's own export) is refused whole.
        var export = await (await client.Http.GetAsync($"/plans/{plan.PlanId}/export/xlsx")).Content.ReadAsByteArrayAsync();
        var notASheet = await UploadAsync(client, plan.PlanId, export, "plan.xlsx");
        Assert.Contains("This is not a ServicePlan update sheet", notASheet.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_cannot_download_or_upload_a_sheet_for_actions_they_do_not_lead()
    {
        var (plan, lead, colleague) = await PlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var colleaguesSheet = Fill(await DownloadAsync(owner, plan.PlanId, plan.PersonIds[colleague.Name]), ("1.3", "Green", "Leaflets reviewed."));

        using var client = app.CreateClient();
        await client.SignInAsync(lead);
        var download = await client.Http.GetAsync($"{SheetUrl(plan.PlanId)}?handler=Download&person={plan.PersonIds[colleague.Name]}");
        Assert.Contains("/account/access-denied", download.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var preview = await UploadAsync(client, plan.PlanId, colleaguesSheet);

        Assert.Contains($"This sheet is for {colleague.Name}'s actions: you can upload only a sheet of your own actions", preview.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("#apply"));
        Assert.Empty(await UpdatesAsync(plan.Action("1.3").Id));
    }

    [Fact]
    public async Task A_plan_without_an_open_review_or_a_read_only_plan_says_why_no_sheet_can_be_used()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var noReview = await app.TestData.CreatePlanAsync(p => p.WithClosedReview("Q1 2024-25").WithSection("Early Help", s => s.WithAction(a => a.WithLead(lead.Name))));
        var closed = await app.TestData.CreatePlanAsync(p => p.Closed().WithOpenReview("Q2 2024-25").WithSection("Early Help", s => s.WithAction(a => a.WithLead(lead.Name))));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var page = await owner.GetPageAsync(SheetUrl(noReview.PlanId));
        Assert.Contains("The plan has no open review", page.QuerySelector("#cannot-update")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#download"));
        var download = await owner.GetPageAsync($"{SheetUrl(noReview.PlanId)}?handler=Download&person={noReview.PersonIds[lead.Name]}");
        Assert.Contains("The plan has no open review", download.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        page = await owner.GetPageAsync(SheetUrl(closed.PlanId));
        Assert.Contains("so its progress can no longer be updated", page.QuerySelector("#cannot-update")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await owner.GetPageAsync($"/reviews/{closed.ReviewId("Q2 2024-25")}")).QuerySelector("#update-sheet"));
    }
}
