using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Hostile;

/// <summary>Many people saving at once: every progress update is kept exactly once, and no edit overwrites another.</summary>
[Trait("Category", "Database")]
public sealed class ConcurrencyTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const int Updates = 50;

    [Fact]
    public async Task Fifty_progress_updates_fired_at_once_at_one_plan_are_all_stored_exactly_once()
    {
        // Ten actions, five updates each, from five signed-in people (the lead on the two actions they lead, L1 and L2).
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q2 2024-25")
            .WithSection("Early Help", s =>
            {
                s.WithAction(a => a.WithRef("L1").WithLead(TestData.LeadName)).WithAction(a => a.WithRef("L2").WithLead(TestData.LeadName));
                for (var i = 1; i <= 8; i++)
                    s.WithAction(a => a.WithRef($"O{i}").WithLead("Morgan Hale"));
            }));
        await using (var db = app.Database.CreateContext())
        {
            var targets = plan.Actions.Values.OrderBy(a => a.Ref, StringComparer.Ordinal).ToList();
            var clients = new List<(TestClient Client, string Role)>();
            foreach (var role in new[] { Roles.PlanOwner, Roles.Admin, Roles.PlanOwner, Roles.Admin, Roles.Lead })
            {
                var client = app.CreateClient();
                await client.SignInAsync(role);
                clients.Add((client, role));
            }

            try
            {
                // Tokens first, so that the posts themselves leave together.
                var tokens = new Dictionary<TestClient, string>();
                foreach (var (client, _) in clients)
                {
                    var form = await client.GetPageAsync($"/actions/{targets[0].Id}/progress");
                    tokens[client] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                }

                var posts = Enumerable.Range(0, Updates).Select(i =>
                {
                    var action = targets[i % targets.Count];
                    // The lead may update only the actions they lead; everyone else takes turns on the rest.
                    var client = action.Ref.StartsWith('L') && i % 2 == 0 ? clients[4].Client : clients[i % 4].Client;
                    return client.Http.PostAsync($"/actions/{action.Id}/progress", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Input.Rating"] = i % 3 == 0 ? "Amber" : "Green",
                        ["Input.Comment"] = Comment(i),
                        ["__RequestVerificationToken"] = tokens[client],
                    }));
                }).ToList();
                var responses = await Task.WhenAll(posts);

                var statuses = responses.Select((r, i) => $"{i}: {(int)r.StatusCode} {r.Headers.Location}").ToList();
                Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Redirect), string.Join("\n", statuses));
                var targetIds = targets.Select(t => t.Id).ToList();
                var stored = await db.ProgressUpdates.AsNoTracking()
                    .Where(u => targetIds.Contains(u.ActionId) && u.Comment.StartsWith("Parallel update "))
                    .Select(u => new { u.Comment, u.ActionId })
                    .ToListAsync();
                Assert.Equal(Enumerable.Range(0, Updates).Select(Comment).Order(), stored.Select(u => u.Comment).Order());
                Assert.All(stored, u => Assert.Equal(targets[ParseNumber(u.Comment) % targets.Count].Id, u.ActionId));
            }
            finally
            {
                foreach (var (client, _) in clients)
                    client.Dispose();
            }
        }
    }

    [Fact]
    public async Task Ten_saves_of_one_action_from_forms_opened_together_keep_exactly_one_and_refuse_the_rest()
    {
        var action = await app.TestData.CreateActionAsync(a => a.WithDoesWhat("The panel meets monthly."));
        var clients = new List<TestClient>();
        for (var i = 0; i < 10; i++)
        {
            var client = app.CreateClient();
            await client.SignInAsync(i % 2 == 0 ? Roles.PlanOwner : Roles.Admin);
            clients.Add(client);
        }

        try
        {
            var tokens = new List<string>();
            foreach (var client in clients)
                tokens.Add((await client.GetPageAsync($"/actions/{action.Id}/edit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);

            // Every form was opened at the same version: the race is between the check and the write.
            var responses = await Task.WhenAll(clients.Select((client, i) => client.Http.PostAsync($"/actions/{action.Id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Version"] = action.Version.ToString(CultureInfo.InvariantCulture),
                ["Input.Ref"] = action.Ref,
                ["Input.LeadsText"] = action.LeadsText,
                ["Input.DoesWhat"] = $"Wording from editor {i}.",
                ["Input.DueText"] = action.DueText,
                ["Input.Measure"] = action.Measure,
                ["Input.ChildrenExperience"] = action.ChildrenExperience,
                ["__RequestVerificationToken"] = tokens[i],
            }))));

            var saved = Assert.Single(responses.Select((r, i) => (r, i)), x => x.r.StatusCode == HttpStatusCode.Redirect);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains("Someone else saved this action after you opened it", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var stored = await app.TestData.ActionAsync(action.Id);
            Assert.Equal($"Wording from editor {saved.i}.", stored.DoesWhat);
            Assert.Equal(action.Version + 1, stored.Version);
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
    }

    private static string Comment(int i) => $"Parallel update {i.ToString("00", CultureInfo.InvariantCulture)}";

    private static int ParseNumber(string comment) => int.Parse(comment["Parallel update ".Length..], CultureInfo.InvariantCulture);
}
