using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Import;

[Trait("Category", "Database")]
public sealed class ImportPageTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static async Task<HttpResponseMessage> UploadAsync(TestClient client, string path, string fileName)
    {
        var page = await client.GetPageAsync("/plans/import");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("Imported"), "Input.ReviewLabel");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.Http.PostAsync("/plans/import?handler=Preview", form);
    }

    [Fact]
    public async Task The_owner_uploads_a_plan_sees_the_preview_and_confirms_it()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        await using (var db = app.Database.CreateContext())
            Assert.Equal(1, await db.Plans.CountAsync());

        var preview = TestClient.Parse(await (await UploadAsync(client, ImportCliTests.Fixture("sdp-2024-25.xlsx"), "sdp-2024-25.xlsx")).Content.ReadAsStringAsync());

        Assert.Equal("31", preview.QuerySelector("[data-count=actions]")!.TextContent.Trim());
        Assert.Equal("26", preview.QuerySelector("[data-count=objectives]")!.TextContent.Trim());
        Assert.Equal("7", preview.QuerySelector("[data-count=sections]")!.TextContent.Trim());
        Assert.Contains("8 blue, 1 red, 6 amber, 13 green, 3 not rated", preview.QuerySelector("[data-count=ratings]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Findings from Annual Survey", preview.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
            Assert.Equal(1, await db.Plans.CountAsync());

        var confirmForm = preview.QuerySelector("form[action*=Confirm]")!;
        var fields = confirmForm.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        // The demo plan may be this same plan: importing it again is then meant as another plan.
        if (preview.QuerySelector("#same-plan") is not null)
            fields.Add(new("Input.AsAnotherPlan", "yes"));
        var confirmed = await client.Http.PostAsync("/plans/import?handler=Confirm", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var overview = await client.GetPageAsync(confirmed.Headers.Location!.ToString());
        Assert.Contains("Imported Service Development Plan 2024-5: 31 actions in 7 sections", overview.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
            Assert.Equal(2, await db.Plans.CountAsync());

        var again = await client.Http.PostAsync("/plans/import?handler=Confirm", new FormUrlEncodedContent(fields));
        Assert.Contains("expired or was already imported", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_errors_lists_each_with_its_row_and_column_and_offers_no_import()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-upload-").FullName, "plan.csv");
        await File.WriteAllTextAsync(file, "Why?,Who?,Does what?,By when?,RAG\r\nAim,HoS,Action,Jun-24,Purple\r\n");

        var page = TestClient.Parse(await (await UploadAsync(client, file, "plan.csv")).Content.ReadAsStringAsync());

        var cells = page.QuerySelector("#errors tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("2", cells[0]);
        Assert.Equal("Rating", cells[1]);
        Assert.Contains("\"Purple\" is not a BRAG rating", cells[2], StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*=Confirm]"));
    }

    [Fact]
    public async Task An_unreadable_file_says_why()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Admin);
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-upload-").FullName, "old.xls");
        await File.WriteAllBytesAsync(file, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]]);

        var page = TestClient.Parse(await (await UploadAsync(client, file, "old.xls")).Content.ReadAsStringAsync());

        Assert.Contains("cannot be read", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(".xlsx", page.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_a_file_asks_for_one()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.PostFormAsync("/plans/import", "/plans/import?handler=Preview", new() { ["Input.ReviewLabel"] = "Imported" });

        Assert.Contains("Select a spreadsheet to import", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Only_owners_and_admins_import(string role)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var response = await client.Http.GetAsync("/plans/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("csv", "text/csv")]
    public async Task The_plan_page_downloads_the_plan_as_a_spreadsheet_that_reads_back(string format, string contentType)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithTitle("Early Help Plan 2024-5")
            .WithSection("Early Help", s => s.WithAction().WithAction())
            .WithSection("Children in Care", s => s.WithAction()));

        var response = await client.Http.GetAsync($"/plans/{plan.PlanId}/export/{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Early-Help-Plan-2024-5-2024-25-not-for-publication.{format}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var workbook = SpreadsheetReader.Read(await response.Content.ReadAsStreamAsync(), "plan." + format);
        var parsed = PlanSheetParser.Parse(workbook, new ImportOptions());
        Assert.Equal(3, parsed.Actions.Count());
    }

    [Fact]
    public async Task Downloading_another_organisations_or_an_unknown_plan_is_not_found()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/plans/{Guid.NewGuid()}/export/xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/plans/{(await app.TestData.CreatePlanAsync()).PlanId}/export/pdf")).StatusCode);
    }
}
