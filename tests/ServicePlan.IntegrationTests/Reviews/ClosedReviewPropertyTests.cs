using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.CommitteeReport;
using ServicePlan.Database;
using ServicePlan.Demo;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Rollover;
using ServicePlan.Users;
using ServicePlan.Web.Pages;

namespace ServicePlan.IntegrationTests.Reviews;

/// <summary>
/// Closing a review freezes it, whatever happens next: random sequences of what owners and leads do (open reviews with
/// any date, update, close, edit and add actions, correct comments, import plans, roll over), from fixed seeds, and
/// after every step every closed review still reports exactly what it reported when it closed: the committee report's
/// JSON, the review's figures and lists, the reviews list and the dashboard trend, and at the end the review page.
/// </summary>
/// <remarks>
/// To add an operation (removing or moving an action, once structure editing lands), add a method taking
/// <see cref="Run"/> and returning what it did, and list it in <see cref="Operations"/> with how often to pick it.
/// </remarks>
[Trait("Category", "Database")]
public sealed class ClosedReviewPropertyTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const int Sequences = 20;
    private const int Steps = 15;

    /// <summary>One sequence's state: its random source, the plan it works on, and the log printed when it fails.</summary>
    private sealed class Run(int seed, Guid organisationId, string ownerId)
    {
        public int Seed { get; } = seed;
        public Random Random { get; } = new(seed);
        public Guid OrganisationId { get; } = organisationId;
        public string OwnerId { get; } = ownerId;
        public Guid PlanId { get; set; }
        public List<string> Log { get; } = [];
        public int Counter { get; set; }

        /// <summary>The reviews closed in this sequence (the only ones its steps can reach), checked after every step.</summary>
        public List<Guid> Closed { get; } = [];

        public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];
    }

    private static readonly (int Weight, Func<ClosedReviewPropertyTests, Run, Task<string>> Apply)[] Operations =
    [
        (4, (t, r) => t.OpenReviewAsync(r)),
        (5, (t, r) => t.AddUpdatesAsync(r)),
        (4, (t, r) => t.CloseReviewAsync(r)),
        (3, (t, r) => t.EditActionAsync(r)),
        (2, (t, r) => t.AddActionAsync(r)),
        (2, (t, r) => t.EditCommentAsync(r)),
        (1, (t, r) => t.ImportPlanAsync(r)),
        (1, (t, r) => t.RollOverAsync(r)),
        (2, (t, r) => t.MoveActionAsync(r)),
        (2, (t, r) => t.RemoveActionAsync(r)),
        (1, (t, r) => t.RestoreActionAsync(r)),
        (1, (t, r) => t.RemoveSectionAsync(r)),
    ];

    /// <summary>What each closed review reported when it closed, by review: its report and figures, and its lines in the reviews list and the trend.</summary>
    private readonly Dictionary<Guid, (string Report, string Lines)> _atClose = [];
    private readonly Dictionary<Guid, string> _pageAtClose = [];

    [Fact]
    public async Task Nothing_done_after_a_review_closed_changes_what_it_reports()
    {
        var organisationId = await app.TestData.DemoOrganisationIdAsync();
        string ownerId;
        await using (var db = app.Database.CreateContext())
            ownerId = await db.Users.Where(u => u.Email == DemoData.Users[1].Email).Select(u => u.Id).SingleAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        Run? last = null;
        for (var seed = 1; seed <= Sequences; seed++)
        {
            var run = new Run(seed, organisationId, ownerId);
            app.Clock.Now = FixedClock.DemoToday;
            run.PlanId = (await app.TestData.CreatePlanAsync(p => p
                .WithTitle($"Frozen reviews {seed}")
                .WithClosedReview("Q1 2024-25", new DateOnly(2024, 7, 15))
                .WithSection("Early Help", s => s
                    .WithObjective("Help comes early", o => o
                        .WithAction(a => a.WithDue("1 September 2024").WithUpdate(Rating.Amber, "Started", review: "Q1 2024-25"))
                        .WithAction(a => a.WithDue("March 2025").WithUpdate(Rating.Green, "On track", review: "Q1 2024-25"))
                        .WithAction(a => a.WithDue("Quarterly"))))
                .WithSection("Children in Care", s => s
                    .WithAction(a => a.WithDue("1 June 2024").WithUpdate(Rating.Red, "Behind", review: "Q1 2024-25"))))).PlanId;
            await RecordNewlyClosedAsync(run, owner);
            run.Log.Add("created a plan with closed review Q1 2024-25 (15 July 2024)");

            for (var step = 1; step <= Steps; step++)
            {
                app.Clock.Now = app.Clock.Now.AddHours(run.Random.Next(1, 96));
                var operation = Choose(run);
                run.Log.Add($"{step}. {await operation(this, run)}");
                await RecordNewlyClosedAsync(run, owner);
                await CheckAsync(run, run.Closed, step == Steps ? owner : null);
            }

            last = run;
        }

        // Sequences share the council (imports, its names): every review closed in any of them, once more at the end.
        await CheckAsync(last!, _atClose.Keys, owner);

        // Enough closed reviews to mean something: one and a half a sequence on average.
        Assert.InRange(_atClose.Count, Sequences * 3 / 2, int.MaxValue);
    }

    private static Func<ClosedReviewPropertyTests, Run, Task<string>> Choose(Run run)
    {
        var roll = run.Random.Next(Operations.Sum(o => o.Weight));
        foreach (var (weight, apply) in Operations)
        {
            if (roll < weight)
                return apply;
            roll -= weight;
        }

        throw new UnreachableException();
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task<List<PlanAction>> ActionsAsync(Run run)
    {
        await using var db = app.Database.CreateContext();
        return await db.Actions.AsNoTracking().Include(a => a.Leads).Where(a => a.PlanId == run.PlanId).OrderBy(a => a.Order).ToListAsync();
    }

    private async Task<string> OpenReviewAsync(Run run)
    {
        DateOnly latest;
        await using (var db = app.Database.CreateContext())
        {
            var dates = await db.Reviews.Where(r => r.PlanId == run.PlanId).Select(r => r.Date).ToListAsync();
            latest = dates.Count == 0 ? DateOnly.FromDateTime(app.Clock.Now.UtcDateTime) : dates.Max();
        }

        // Any date, earlier ones included: the workflow refuses those that would slip under a closed review.
        var date = latest.AddDays(run.Random.Next(-150, 120));
        var label = $"Review {++run.Counter}";
        var result = await WithAsync(s => s.GetRequiredService<ReviewWorkflow>().OpenAsync(run.PlanId, run.OrganisationId, label, date, run.OwnerId));
        return $"open {label} dated {date:yyyy-MM-dd}: {Describe(result)}";
    }

    private async Task<string> CloseReviewAsync(Run run)
    {
        Guid? open;
        await using (var db = app.Database.CreateContext())
            open = await db.Reviews.Where(r => r.PlanId == run.PlanId && r.Status == ReviewStatus.Open).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
        if (open is not { } id)
            return "close: no review open";
        var result = await WithAsync(s => s.GetRequiredService<ReviewWorkflow>().CloseAsync(id, run.OrganisationId));
        return $"close the open review: {Describe(result)}";
    }

    private async Task<string> AddUpdatesAsync(Run run)
    {
        var actions = await ActionsAsync(run);
        var author = new ProgressAuthor(run.OwnerId, "Rachel Talmage", [Roles.PlanOwner], run.OrganisationId);
        var done = new List<string>();
        for (var i = run.Random.Next(1, 4); i > 0; i--)
        {
            var action = run.Pick(actions);
            var rating = run.Pick([Rating.Blue, Rating.Green, Rating.Amber, Rating.Red, Rating.None]);
            var comment = $"Progress note {++run.Counter}";
            var result = await WithAsync(s => s.GetRequiredService<ProgressRecording>().AddAsync(action.Id, author, new NewProgressUpdate(rating, comment)));
            done.Add($"{action.Ref} {rating} ({result})");
        }

        return $"update {string.Join(", ", done)}";
    }

    private async Task<string> EditActionAsync(Run run)
    {
        var action = run.Pick(await ActionsAsync(run));
        var reference = run.Random.Next(3) == 0 ? $"E{++run.Counter}" : action.Ref;
        var doesWhat = $"Reworded action {++run.Counter} for children";
        var due = run.Pick(["1 May 2024", "March 2025", "Quarterly", "30 November 2024", "Ongoing"]);
        var changes = new ActionChanges(action.Version, reference, action.LeadsText, action.Leads.Select(l => l.Id).ToList(), doesWhat, due, action.Measure, action.ChildrenExperience, action.RetainedForOversight, action.IsExempt, action.ExemptParagraph);
        var result = await WithAsync(s => s.GetRequiredService<ActionEditing>().SaveAsync(action.Id, run.OrganisationId, changes));
        return $"edit {action.Ref}: ref {reference}, due {due}: {result.GetType().Name}";
    }

    private async Task<string> AddActionAsync(Run run)
    {
        var reference = $"N{++run.Counter}";
        var objectives = await WithAsync(s => s.GetRequiredService<ServicePlanDbContext>().Objectives
            .Where(o => o.Section!.PlanId == run.PlanId).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        if (objectives.Count == 0)
            return "add action: no objective left";
        var fields = new ActionChanges(0, reference, "HoS", [], $"New action {run.Counter} for children", run.Pick(["1 June 2024", "March 2025"]),
            "Checked in supervision", "Children are seen sooner", false, false, null);
        var result = await WithAsync(s => s.GetRequiredService<PlanStructure>().AddActionAsync(run.Pick(objectives), run.OrganisationId, new NewAction(fields)));
        return $"add action {reference}: {result.GetType().Name}";
    }

    private async Task<string> MoveActionAsync(Run run)
    {
        var actions = await ActionsAsync(run);
        var objectives = await WithAsync(s => s.GetRequiredService<ServicePlanDbContext>().Objectives
            .Where(o => o.Section!.PlanId == run.PlanId).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        if (actions.Count == 0 || objectives.Count == 0)
            return "move action: nothing to move";
        var action = run.Pick(actions);
        var result = await WithAsync(s => s.GetRequiredService<PlanStructure>().MoveActionAsync(action.Id, run.OrganisationId, action.Version, run.Pick(objectives)));
        return $"move {action.Ref}: {result.GetType().Name}";
    }

    private async Task<string> RemoveActionAsync(Run run)
    {
        var actions = await ActionsAsync(run);
        if (actions.Count <= 1)
            return "remove action: kept the last";
        var action = run.Pick(actions);
        var result = await WithAsync(s => s.GetRequiredService<PlanStructure>().RemoveActionAsync(action.Id, run.OrganisationId, action.Version));
        return $"remove {action.Ref}: {result.GetType().Name}";
    }

    private async Task<string> RestoreActionAsync(Run run)
    {
        var removed = await WithAsync(s => s.GetRequiredService<ServicePlanDbContext>().Actions.IgnoreQueryFilters()
            .Where(a => a.PlanId == run.PlanId && a.RemovedAtUtc != null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        if (removed.Count == 0)
            return "restore: nothing removed";
        var result = await WithAsync(s => s.GetRequiredService<PlanStructure>().RestoreActionAsync(run.Pick(removed), run.OrganisationId));
        return $"restore an action: {result.GetType().Name}";
    }

    private async Task<string> RemoveSectionAsync(Run run)
    {
        var sections = await WithAsync(s => s.GetRequiredService<ServicePlanDbContext>().Sections.AsNoTracking()
            .Where(x => x.PlanId == run.PlanId).OrderBy(x => x.Order).ToListAsync());
        var sectionsOfActions = await WithAsync(s => s.GetRequiredService<ServicePlanDbContext>().Actions
            .Where(a => a.PlanId == run.PlanId).Select(a => a.Objective!.SectionId).ToListAsync());
        // Keeps an action in the plan, so the operations that pick one always have one to pick.
        var removable = sections.Where(x => sectionsOfActions.Any(id => id != x.Id)).ToList();
        if (removable.Count == 0)
            return "remove section: kept the last with actions";
        var section = run.Pick(removable);
        var result = await WithAsync(s => s.GetRequiredService<PlanStructure>().RemoveSectionAsync(section.Id, run.OrganisationId, section.Version));
        return $"remove section {section.Title}: {result.GetType().Name}";
    }

    private async Task<string> EditCommentAsync(Run run)
    {
        List<ProgressUpdate> updates;
        await using (var db = app.Database.CreateContext())
        {
            updates = await db.ProgressUpdates.AsNoTracking()
                .Where(u => u.AuthorUserId == run.OwnerId && db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == run.PlanId))
                .OrderBy(u => u.Id).ToListAsync();
        }

        if (updates.Count == 0)
            return "correct a comment: none of the owner's";
        var update = run.Pick(updates);
        var result = await WithAsync(s => s.GetRequiredService<CommentEditing>().SaveAsync(update.Id, run.OrganisationId, run.OwnerId, "Rachel Talmage", $"Corrected note {++run.Counter}", update.Version));
        return $"correct the comment \"{update.Comment}\": {result.GetType().Name}";
    }

    private async Task<string> ImportPlanAsync(Run run)
    {
        var csv = new StringBuilder("Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n");
        string[] ratings = ["Blue", "Red", "Amber", "Green", ""];
        for (var i = 0; i < run.Random.Next(2, 7); i++)
            csv.Append(CultureInfo.InvariantCulture, $"Section {i / 3 + 1},Aim {i},HoS,Does thing {i} for children,{run.Pick(["Mar-25", "Jun-24", "Quarterly"])},Measure {i},Children feel heard,{run.Pick(ratings)},Imported note {i}\r\n");
        var title = $"Imported plan {run.Seed}-{++run.Counter}";
        var report = await WithAsync(s => s.GetRequiredService<PlanImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), new ImportRequest
        {
            FileName = "plan.csv",
            OrganisationId = run.OrganisationId,
            Options = new() { Title = title, Period = new(2024) },
        }));
        if (report.PlanId is not { } imported)
            return $"import {title}: refused ({string.Join("; ", report.Errors.Select(e => e.Message))})";

        // Half the time the sequence goes on with the imported plan: the story of the bug starts from an import.
        if (run.Random.Next(2) == 0)
        {
            run.PlanId = imported;
            return $"import {title} and go on with it";
        }

        return $"import {title}";
    }

    private async Task<string> RollOverAsync(Run run)
    {
        var result = await WithAsync(async s =>
        {
            var rollover = s.GetRequiredService<PlanRollover>();
            var plan = await s.GetRequiredService<ServicePlanDbContext>().Plans.AsNoTracking().SingleAsync(p => p.Id == run.PlanId);
            return await rollover.RolloverAsync(run.PlanId, run.OrganisationId, plan.Period.Next(), new RolloverAuthor("Rachel Talmage", run.OwnerId));
        });
        if (result is RolloverResult.Done { NewPlanId: { } next })
        {
            run.PlanId = next;
            return "roll the plan over and go on with the new one";
        }

        return $"roll over: {result.GetType().Name}";
    }

    private static string Describe(ReviewResult result) => result switch
    {
        ReviewResult.Refused refused => $"refused ({refused.Reason})",
        _ => result.GetType().Name,
    };

    /// <summary>Remembers what each review that has just closed reports, anywhere in the organisation.</summary>
    private async Task RecordNewlyClosedAsync(Run run, TestClient owner)
    {
        List<Guid> closed;
        await using (var db = app.Database.CreateContext())
            closed = await db.Reviews.Where(r => r.Status == ReviewStatus.Closed && db.Plans.Any(p => p.Id == r.PlanId && p.OrganisationId == run.OrganisationId)).Select(r => r.Id).ToListAsync();
        foreach (var id in closed.Where(id => !_atClose.ContainsKey(id)))
        {
            _atClose[id] = await FiguresAsync(id, run.OrganisationId, lines: true);
            _pageAtClose[id] = await PageFiguresAsync(owner, id);
            run.Closed.Add(id);
        }
    }

    /// <summary>
    /// Everything the library reports of a review: the committee report's JSON and the figures and lists the review
    /// page shows, and, when <paramref name="lines"/>, its line in the reviews list and in the dashboard's trend.
    /// </summary>
    private async Task<(string Report, string Lines)> FiguresAsync(Guid reviewId, Guid organisationId, bool lines) => await WithAsync(async s =>
    {
        var report = await s.GetRequiredService<CommitteeReports>().BuildAsync(reviewId, organisationId, isPublic: false)
            ?? throw new InvalidOperationException("The review has gone.");
        var queries = s.GetRequiredService<ReviewQueries>();
        var (_, plan, movement) = (await queries.MovementAsync(reviewId, organisationId))!.Value;
        var figures = CoverReportJson.Render(report.Report) + "\n" + JsonSerializer.Serialize(movement);
        if (!lines)
            return (figures, "");
        var listed = (await queries.ListAsync(plan.Id)).Single(r => r.Review.Id == reviewId);
        var trend = (await queries.TrendAsync(plan.Id)).Single(t => t.Review.Id == reviewId);
        return (figures, $"listed as {listed.Updated} of {listed.Total} updated; trend {trend.Counts}");
    });

    /// <summary>The review page's figures and lists, as the owner sees them.</summary>
    private static async Task<string> PageFiguresAsync(TestClient owner, Guid reviewId)
    {
        // The clock moves on by days between steps, so the owner's sign-in may have run out.
        var response = await owner.Http.GetAsync(Links.Review(reviewId));
        if (response.StatusCode == System.Net.HttpStatusCode.Redirect)
        {
            await owner.SignInAsync(Roles.PlanOwner);
            response = await owner.Http.GetAsync(Links.Review(reviewId));
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var text = new StringBuilder(page.QuerySelector("#progress")!.TextContent.Trim());
        foreach (var cell in page.QuerySelectorAll("[data-rating]"))
            text.Append(CultureInfo.InvariantCulture, $"\n{cell.GetAttribute("data-rating")}: {cell.TextContent.Trim()}");
        foreach (var group in page.QuerySelectorAll("[data-moved]"))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{group.GetAttribute("data-moved")}:");
            foreach (var row in group.QuerySelectorAll("tr[data-action-ref]"))
                text.Append(CultureInfo.InvariantCulture, $" [{string.Join(" | ", row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))}]");
        }

        return text.ToString();
    }

    /// <summary>
    /// Compares each review with what it reported when it closed: its report and figures after every step, and at the
    /// end of a sequence (<paramref name="owner"/> given) its lines in the list and trend and its page too. The
    /// lines and the page read the same snapshot as the figures, and checking them less often keeps the test fast.
    /// </summary>
    private async Task CheckAsync(Run run, IEnumerable<Guid> reviews, TestClient? owner)
    {
        foreach (var reviewId in reviews)
        {
            var atClose = _atClose[reviewId];
            var now = await FiguresAsync(reviewId, run.OrganisationId, lines: owner is not null);
            if (now.Report != atClose.Report)
                Assert.Fail(Failure(run, reviewId, atClose.Report, now.Report));
            if (owner is not null && now.Lines != atClose.Lines)
                Assert.Fail(Failure(run, reviewId, atClose.Lines, now.Lines));
            if (owner is not null)
            {
                var page = await PageFiguresAsync(owner, reviewId);
                if (page != _pageAtClose[reviewId])
                    Assert.Fail(Failure(run, reviewId, _pageAtClose[reviewId], page));
            }
        }
    }

    private static string Failure(Run run, Guid reviewId, string expected, string actual) =>
        $"Seed {run.Seed}: closed review {reviewId} changed after these steps:\n{string.Join("\n", run.Log)}\n\nWhen it closed:\n{expected}\n\nNow:\n{actual}";
}
