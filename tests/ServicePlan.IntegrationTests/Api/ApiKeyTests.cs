using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

/// <summary>API keys from the account page: made once, used by scripts as their user on /api only, revoked, and never stored in clear.</summary>
[Trait("Category", "Database")]
public sealed class ApiKeyTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{


    private async Task<Guid> KeyIdAsync(string name)
    {
        await using var db = app.Database.CreateContext();
        return await db.ApiKeys.Where(k => k.Name == name).Select(k => k.Id).SingleAsync();
    }

    [Fact]
    public async Task A_key_made_on_the_account_page_reads_the_api_as_its_user_until_revoked()
    {
        var created = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithRating(Rating.Red))));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var key = await owner.MakeApiKeyAsync("Committee figures script");
        using var script = app.Script(key);

        var plans = await script.GetAsync("/api/plans");
        Assert.Equal(HttpStatusCode.OK, plans.StatusCode);
        var plan = Assert.Single(JsonDocument.Parse(await plans.Content.ReadAsStringAsync()).RootElement.EnumerateArray(), p => p.GetProperty("id").GetGuid() == created.PlanId);
        Assert.Equal(created.Title, plan.GetProperty("title").GetString());
        var red = JsonDocument.Parse(await script.GetStringAsync($"/api/plans/{created.PlanId}/actions?rating=red")).RootElement;
        Assert.Equal([created.SingleAction.Ref], red.EnumerateArray().Select(a => a.GetProperty("ref").GetString()));

        var revoked = await owner.PostFormAsync("/account/api-keys", $"/account/api-keys?handler=Revoke&id={await KeyIdAsync("Committee figures script")}", new());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var page = await owner.GetPageAsync(revoked.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/plans")).StatusCode);
        Assert.Contains("has been revoked", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Revoked", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_is_shown_once_in_the_documented_form_and_the_list_shows_only_its_start()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var key = await lead.MakeApiKeyAsync("Shown once");

        Assert.Matches("^sp_[a-z2-9]{8}_[0-9a-f]{64}$", key);
        var list = await lead.Http.GetStringAsync("/account/api-keys");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key[12..], list, StringComparison.Ordinal);
        Assert.Contains(key[..11] + "_…", TestClient.Parse(list).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewers_key_answers_only_about_the_viewers_organisation()
    {
        Guid otherPlan;
        await using (var db = app.Database.CreateContext())
        {
            var other = new Organisation { Name = "Another council" };
            var plan = new Plan { OrganisationId = other.Id, Title = "Another council's plan", Period = new FinancialYear(2024) };
            db.Organisations.Add(other);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            otherPlan = plan.Id;
        }

        var own = await app.TestData.CreatePlanAsync();
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);
        using var script = app.Script(await viewer.MakeApiKeyAsync("Viewer's script"));

        var plans = JsonDocument.Parse(await script.GetStringAsync("/api/plans")).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(own.PlanId, plans);
        await using (var db = app.Database.CreateContext())
            Assert.Equal(plans.Order(), (await db.Plans.Where(p => p.OrganisationId == own.OrganisationId).Select(p => p.Id).ToListAsync()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await script.GetAsync($"/api/plans/{otherPlan}")).StatusCode);
        // The API only reads; a key has no way to write, whatever its user's role.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await script.PostAsync("/api/plans", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task Wrong_unknown_and_malformed_keys_are_refused()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var key = await owner.MakeApiKeyAsync("Real key");
        var wrongSecret = key[..12] + new string(key[12..].Reverse().ToArray());
        var (unknown, _) = ApiKeyText.New();

        foreach (var presented in new[] { wrongSecret, unknown, "sp_short", "not a key at all", "" })
        {
            using var script = app.Script(presented);
            var response = await script.GetAsync("/api/plans");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"\"{presented}\" gave {(int)response.StatusCode}");
        }

        using var right = app.Script(key);
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/plans")).StatusCode);
    }

    [Fact]
    public async Task A_key_does_not_open_pages_or_post_forms()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var script = app.Script(await owner.MakeApiKeyAsync("Not for pages"));
        var action = await app.TestData.CreateActionAsync(a => a.WithRating(Rating.Green));

        var page = await script.GetAsync("/plans");
        var form = await script.PostAsync($"/actions/{action.Id}/progress", new FormUrlEncodedContent([new("Input.Rating", "Blue"), new("Input.Comment", "Posted with a key")]));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(action.Updates.Count, (await app.TestData.ActionAsync(action.Id)).Updates.Count);
    }

    [Fact]
    public async Task Neither_the_key_nor_its_secret_is_stored_in_clear_anywhere_in_the_keys_or_the_audit_trail()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var key = await owner.MakeApiKeyAsync("Audit check");
        var secret = key[12..];
        using (var script = app.Script(key))
            Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/plans")).StatusCode);
        await owner.PostFormAsync("/account/api-keys", $"/account/api-keys?handler=Revoke&id={await KeyIdAsync("Audit check")}", new());

        await using var db = app.Database.CreateContext();
        var texts = new List<string>();
        foreach (var table in new[] { "ApiKeys", "AuditEntries" })
        {
            var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
            var columns = entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName()).ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i))
                        texts.Add(reader.GetString(i));
                }
            }
        }

        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Audit check");
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains(secret[..16], StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ApiKeyText.Hash(key), stored.Hash);
        Assert.NotNull(stored.RevokedAtUtc);
        // The trail records that a key was made and revoked, but not even its hash.
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "API key" && e.EntityId == stored.Id.ToString()).ToListAsync();
        Assert.Equal(2, trail.Count);
        Assert.DoesNotContain(trail, e => e.Changes.Contains(stored.Hash, StringComparison.Ordinal));
        Assert.Contains(trail.SelectMany(e => e.Fields), f => f.Field == "Hash" && f.After == "(secret, changed)");
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used_without_an_audit_entry()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        using var script = app.Script(await lead.MakeApiKeyAsync("Last used"));

        Assert.Contains("Never", (await lead.GetPageAsync("/account/api-keys")).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        await script.GetAsync("/api/plans");
        await script.GetAsync("/api/plans");

        await using var db = app.Database.CreateContext();
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Last used");
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, key.LastUsedAtUtc);
        Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "API key" && e.EntityId == key.Id.ToString()).ToListAsync());
        // 10:00 UTC in October is 11am in the UK (British Summer Time).
        Assert.Contains("15 October 2024 at 11:00am", (await lead.GetPageAsync("/account/api-keys")).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_revoke_someone_elses_key()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var key = await owner.MakeApiKeyAsync("Owner's own");
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        var response = await viewer.PostFormAsync("/account/api-keys", $"/account/api-keys?handler=Revoke&id={await KeyIdAsync("Owner's own")}", new());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var script = app.Script(key);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/plans")).StatusCode);
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        var response = await viewer.PostFormAsync("/account/api-keys", "/account/api-keys?handler=Create", new() { ["Name"] = "  " });
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a name for the key", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#new-api-key"));
    }
}
