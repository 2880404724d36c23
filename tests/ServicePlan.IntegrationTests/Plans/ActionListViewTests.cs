using System.Net;
using System.Text.Json;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

/// <summary>The action list as a working view: sorting, columns, compact view, pages, and the same view in the API and downloads.</summary>
[Trait("Category", "Database")]
public sealed class ActionListViewTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>
    /// Refs that sort differently as text and as numbers, across two sections. Today is 15 October 2024 in these tests.
    /// </summary>
    private Task<CreatePlanResult> PlanAsync() =>
        app.TestData.CreatePlanAsync(p => p
            .WithSection("Children in Need", s => s
                .WithObjective("Assessments are timely", o => o
                    .WithAction(a => a.WithRef("10").WithDue("March 2025").WithLead("Sam Okafor").WithRating(Rating.Green))
                    .WithAction(a => a.WithRef("2").WithDue("Weekly").WithRating(Rating.Red))
                    .WithAction(a => a.WithRef("1a").WithDue("1 June 2024").WithRating(Rating.Blue)))
                .WithObjective("Families know their worker", o => o
                    .WithAction(a => a.WithRef("1").WithDue("December 2024").WithRating(Rating.Amber))))
            .WithSection("Care Leavers", s => s
                .WithObjective("Care leavers have a home", o => o
                    .WithAction(a => a.WithRef("3").WithDue("").WithMeasure("A long measure of success that goes on and on, with many words in it, far longer than a compact cell can hold on one line of the list."))
                    .WithAction(a => a.WithRef("20").WithDue("September 2024").WithRating(Rating.Amber)))));

    private static string[] Refs(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!).ToArray();

    private async Task<TestClient> SignedInAsync(string role = Roles.Viewer)
    {
        var client = app.CreateClient();
        await client.SignInAsync(role);
        return client;
    }

    [Fact]
    public async Task The_list_is_in_the_plans_order_grouped_by_section_by_default()
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync();

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions");

        Assert.Equal(["10", "2", "1a", "1", "3", "20"], Refs(page));
        Assert.Equal(2, page.QuerySelectorAll("table[data-section]").Length);
        Assert.Empty(page.QuerySelectorAll("th[aria-sort]"));
    }

    [Theory]
    [InlineData("ref", "asc", "1,1a,2,3,10,20")]
    [InlineData("ref", "desc", "20,10,3,2,1a,1")]
    [InlineData("rating", "asc", "1a,2,1,20,10,3")]
    [InlineData("due", "asc", "1a,20,1,10,2,3")]
    [InlineData("due", "desc", "10,1,20,1a,2,3")]
    public async Task Sorting_by_a_column_lists_every_action_in_one_table_in_that_order(string sort, string order, string expected)
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync();

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions?sort={sort}&order={order}");

        Assert.Equal(expected, string.Join(',', Refs(page)));
        Assert.Empty(page.QuerySelectorAll("table[data-section]"));
        var table = page.QuerySelector("table#sorted-actions")!;
        Assert.Contains(table.QuerySelectorAll("th"), th => th.TextContent.Trim() == "Section");
        var sorted = Assert.Single(table.QuerySelectorAll("th[aria-sort]"));
        Assert.Equal(order == "asc" ? "ascending" : "descending", sorted.GetAttribute("aria-sort"));
        Assert.Equal("Care Leavers", table.QuerySelector("tr[data-action-ref='3'] td[data-label='Section']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_sorted_headings_link_turns_the_order_round_and_the_others_sort_ascending()
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync();

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions?rating=amber&sort=ref&order=asc");

        var links = page.QuerySelectorAll("th a.app-sort-link").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal($"/plans/{plan.PlanId}/actions?rating=amber&sort=ref&order=desc", links["Ref"]);
        Assert.Equal($"/plans/{plan.PlanId}/actions?rating=amber&sort=due&order=asc", links["By when?"]);
        // The filter form keeps the sort.
        Assert.Equal("ref", page.QuerySelector("form.app-filter input[name=sort]")!.GetAttribute("value"));
        Assert.Equal(["1", "20"], Refs(page));
    }

    [Fact]
    public async Task Unknown_filter_and_sort_values_are_ignored_with_a_message()
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync();

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions?rating=purple&sort=colour&order=sideways&section=nonsense&overdue=maybe&page=x");

        Assert.Equal(6, Refs(page).Length);
        var messages = page.QuerySelectorAll("#list-problems [data-parameter]").ToDictionary(p => p.GetAttribute("data-parameter")!, p => p.TextContent);
        Assert.StartsWith("We did not recognise the rating 'purple'", messages["rating"], StringComparison.Ordinal);
        Assert.Contains("so we showed every rating", messages["rating"], StringComparison.Ordinal);
        Assert.StartsWith("We did not recognise the sort 'colour'", messages["sort"], StringComparison.Ordinal);
        Assert.Equal(["order", "overdue", "page", "rating", "section", "sort"], messages.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_section_of_another_plan_is_ignored_with_a_message()
    {
        var plan = await PlanAsync();
        var other = await app.TestData.CreatePlanAsync(p => p.WithSection("Elsewhere"));
        using var client = await SignedInAsync();

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions?section={other.SectionId("Elsewhere")}");

        Assert.Equal(6, Refs(page).Length);
        Assert.Contains("This plan has no such section", page.QuerySelector("#list-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_columns_are_kept_for_the_person_and_ref_and_does_what_always_show()
    {
        var plan = await PlanAsync();
        var person = await app.TestData.CreateUserAsync(Roles.Viewer);
        using var client = app.CreateClient();
        await client.SignInAsync(person);
        var list = $"/plans/{plan.PlanId}/actions?sort=ref&order=asc";

        var response = await client.PostFormAsync(list, list + "&handler=Columns", [], [new("columns", "rating"), new("columns", "due")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list, response.Headers.Location!.OriginalString);
        using var again = app.CreateClient();
        await again.SignInAsync(person);
        var page = await again.GetPageAsync($"/plans/{plan.PlanId}/actions");
        var headings = page.QuerySelector("table")!.QuerySelectorAll("th").Select(th => th.TextContent.Trim()).ToArray();
        Assert.Equal(["Ref", "Does what?", "By when?", "Rating"], headings);
        Assert.Equal(4, page.QuerySelector("tr[data-action-ref='10']")!.QuerySelectorAll("td").Length);

        // Someone else still sees every column.
        using var viewer = await SignedInAsync();
        Assert.Equal(9, (await viewer.GetPageAsync($"/plans/{plan.PlanId}/actions")).QuerySelector("table")!.QuerySelectorAll("th").Length);
    }

    [Fact]
    public async Task The_compact_view_is_kept_for_the_person_and_cuts_long_texts()
    {
        var plan = await PlanAsync();
        var person = await app.TestData.CreateUserAsync(Roles.Lead);
        using var client = app.CreateClient();
        await client.SignInAsync(person);
        var list = $"/plans/{plan.PlanId}/actions";

        var response = await client.PostFormAsync(list, list + "?handler=Compact", new() { ["compact"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(list);
        Assert.NotNull(page.QuerySelector("table.app-table--compact"));
        var measure = page.QuerySelector("tr[data-action-ref='3'] td.app-col--measure")!.TextContent.Trim();
        Assert.EndsWith("…", measure, StringComparison.Ordinal);
        Assert.True(measure.Length <= 121, measure);
        Assert.Equal("Show the full texts", page.QuerySelector("#compact-toggle")!.TextContent.Trim());

        await client.PostFormAsync(list, list + "?handler=Compact", new() { ["compact"] = "false" });
        Assert.Null((await client.GetPageAsync(list)).QuerySelector("table.app-table--compact"));
    }

    [Fact]
    public async Task A_long_list_comes_fifty_at_a_time_with_pagination_and_show_all()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Many", s => s.WithObjective("Lots to do", o =>
        {
            for (var i = 1; i <= 120; i++)
            {
                var reference = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                o.WithAction(a => a.WithRef(reference));
            }
        })));
        using var client = await SignedInAsync();

        var first = await client.GetPageAsync($"/plans/{plan.PlanId}/actions");
        Assert.Equal(50, Refs(first).Length);
        Assert.Equal("Showing 1 to 50 of 120 actions", Squash(first.QuerySelector("#result-count")!.TextContent));
        var pagination = first.QuerySelector("nav.govuk-pagination")!;
        Assert.Equal(["1", "2", "3"], pagination.QuerySelectorAll(".govuk-pagination__item").Select(i => i.TextContent.Trim()).ToArray());
        Assert.Equal("page", pagination.QuerySelector(".govuk-pagination__item--current a")!.GetAttribute("aria-current"));

        var second = await client.GetPageAsync(pagination.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal("Showing 51 to 100 of 120 actions", Squash(second.QuerySelector("#result-count")!.TextContent));
        Assert.Equal("51", Refs(second)[0]);

        var sortedLast = await client.GetPageAsync($"/plans/{plan.PlanId}/actions?sort=ref&order=desc&page=3");
        Assert.Equal("20", Refs(sortedLast)[0]);
        Assert.Equal("1", Refs(sortedLast)[^1]);

        var all = await client.GetPageAsync(first.QuerySelector("#show-all")!.GetAttribute("href")!);
        Assert.Equal(120, Refs(all).Length);
        Assert.Null(all.QuerySelector("nav.govuk-pagination"));
        Assert.Equal("120 actions", Squash(all.QuerySelector("#result-count")!.TextContent));
    }

    [Fact]
    public async Task The_api_sorts_as_the_list_does_and_refuses_unknown_values_naming_the_parameter()
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync();

        var sorted = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/actions?sort=ref&order=desc");
        Assert.Equal(["20", "10", "3", "2", "1a", "1"], sorted.EnumerateArray().Select(a => a.GetProperty("ref").GetString()!).ToArray());
        var byDue = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/actions?sort=due");
        Assert.Equal(["1a", "20", "1", "10", "2", "3"], byDue.EnumerateArray().Select(a => a.GetProperty("ref").GetString()!).ToArray());

        foreach (var (query, parameter) in new[] { ("sort=colour", "sort"), ("sort=ref&order=up", "order"), ("section=nonsense", "section"), ("overdue=maybe", "overdue") })
        {
            var response = await client.Http.GetAsync($"/api/plans/{plan.PlanId}/actions?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{query}: {problem}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?rating=amber")]
    [InlineData("?sort=due&order=desc")]
    [InlineData("?sort=ref&order=asc&section={section}")]
    public async Task The_download_from_the_list_has_the_listed_actions_in_the_listed_order(string query)
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync(Roles.PlanOwner);
        var list = await client.GetPageAsync($"/plans/{plan.PlanId}/actions" + query.Replace("{section}", plan.SectionId("Children in Need").ToString(), StringComparison.Ordinal));
        var csvLink = list.QuerySelectorAll("#downloads a").Single(a => a.TextContent.Trim() == "CSV").GetAttribute("href")!;
        var publicLink = list.QuerySelectorAll("#downloads a").Single(a => a.TextContent.Trim() == "public CSV").GetAttribute("href")!;

        foreach (var link in new[] { csvLink, publicLink })
        {
            var csv = (await client.Http.GetStringAsync(link)).TrimStart('\uFEFF');
            var refs = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(line => !line.StartsWith("Section,", StringComparison.Ordinal)).Skip(1)
                .Select(line => line.Split(',')[1]).ToArray();
            Assert.Equal(Refs(list), refs);
        }
    }

    [Fact]
    public async Task A_public_download_of_a_filtered_list_is_checked_for_what_it_prints()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q2 2024-25")
            .WithSection("Children in Need", s => s.WithObjective("Assessments are timely", o => o
                .WithAction(a => a.WithRef("1").WithRating(Rating.Green))
                .WithAction(a => a.WithRef("2").WithUpdate(Rating.Red, "Spoke to the family at 14 Acacia Avenue, AB1 2CD about it.")))));
        using var client = await SignedInAsync(Roles.PlanOwner);

        var green = await client.Http.GetAsync($"/plans/{plan.PlanId}/export/csv?public=true&rating=green");
        var red = await client.Http.GetAsync($"/plans/{plan.PlanId}/export/csv?public=true&rating=red");

        Assert.Equal(HttpStatusCode.OK, green.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, red.StatusCode);
    }

    [Fact]
    public async Task A_change_to_the_plan_shows_at_once_in_a_sorted_kept_view()
    {
        var plan = await PlanAsync();
        using var client = await SignedInAsync();
        var url = $"/plans/{plan.PlanId}/actions?sort=rating&order=asc";
        Assert.Equal("1a", Refs(await client.GetPageAsync(url))[0]);

        using var owner = await SignedInAsync(Roles.PlanOwner);
        var progress = $"/actions/{plan.Action("20").Id}/progress";
        var saved = await owner.PostFormAsync(progress, progress, new() { ["Input.Rating"] = "Blue", ["Input.Comment"] = "Finished early." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refs = Refs(await client.GetPageAsync(url));
        Assert.Equal(["1a", "20"], refs[..2]);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
