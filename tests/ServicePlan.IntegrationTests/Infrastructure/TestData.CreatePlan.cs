using Microsoft.EntityFrameworkCore;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Sources;

namespace ServicePlan.IntegrationTests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// A plan in the demo council for the demo year (2024-25), with a section, objective and action for each one
    /// described. With no sections described it has one section with one unrated action, ref "1".
    /// </summary>
    public async Task<CreatePlanResult> CreatePlanAsync(Action<CreatePlanBuilder>? configure = null)
    {
        var builder = new CreatePlanBuilder();
        configure?.Invoke(builder);
        return await builder.ExecuteAsync(app, this);
    }

    /// <summary>
    /// One action, in a plan of its own, as stored: for a test about an action where the plan around it does not
    /// matter. The plan has an open review when <paramref name="openReview"/> is given.
    /// </summary>
    public async Task<PlanAction> CreateActionAsync(Action<CreateActionBuilder>? configure = null, string? openReview = null)
    {
        var plan = await CreatePlanAsync(p =>
        {
            if (openReview is not null)
                p.WithOpenReview(openReview);
            p.WithSection("Children in Need (test data)", s => s.WithAction(configure));
        });
        return await ActionAsync(plan.SingleAction.Id);
    }
}

public sealed class CreatePlanBuilder
{
    private string? _title;
    private Guid? _organisationId;
    private FinancialYear _period = FinancialYear.Containing(DateOnly.FromDateTime(FixedClock.DemoToday.UtcDateTime));
    private PlanStatus _status = PlanStatus.Open;
    private string? _owner;
    private string? _monitoringBoard;
    private string? _ideasFrom;
    private bool _ratingsAreIllustrative;
    private readonly List<CreateSectionBuilder> _sections = [];
    private readonly List<(string Name, string Initials, string? Role)> _people = [];
    private readonly List<(string Label, DateOnly? Date, ReviewStatus Status)> _reviews = [];

    public CreatePlanBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>Another council's plan; the demo council's when not given.</summary>
    public CreatePlanBuilder InOrganisation(Guid organisationId)
    {
        _organisationId = organisationId;
        return this;
    }

    public CreatePlanBuilder ForYear(int startYear)
    {
        _period = new FinancialYear(startYear);
        return this;
    }

    public CreatePlanBuilder WithOwner(string owner)
    {
        _owner = owner;
        return this;
    }

    /// <summary>Who the plan reports to, as its header block says.</summary>
    public CreatePlanBuilder WithMonitoringBoard(string board)
    {
        _monitoringBoard = board;
        return this;
    }

    /// <summary>The header's "Created with ideas from".</summary>
    public CreatePlanBuilder WithIdeasFrom(string text)
    {
        _ideasFrom = text;
        return this;
    }

    /// <summary>Ratings made up for a demonstration, as the demo plan's are: pages say so.</summary>
    public CreatePlanBuilder WithIllustrativeRatings()
    {
        _ratingsAreIllustrative = true;
        return this;
    }

    /// <summary>Closed, as roll-over leaves last year's plan: kept for history and read-only.</summary>
    public CreatePlanBuilder Closed()
    {
        _status = PlanStatus.Closed;
        return this;
    }

    /// <summary>
    /// Someone the plan names. Linked to the account of the same name in the plan's council when there is one, as an
    /// import does, so that a lead signed in as them may update the actions they lead.
    /// </summary>
    public CreatePlanBuilder WithPerson(string name, string initials, string? role = null)
    {
        _people.Add((name, initials, role));
        return this;
    }

    /// <summary>An open review: progress added from now on is filed under it, and reminders count from it.</summary>
    public CreatePlanBuilder WithOpenReview(string label, DateOnly? date = null)
    {
        _reviews.Add((label, date, ReviewStatus.Open));
        return this;
    }

    public CreatePlanBuilder WithClosedReview(string label, DateOnly? date = null)
    {
        _reviews.Add((label, date, ReviewStatus.Closed));
        return this;
    }

    public CreatePlanBuilder WithSection(string title, Action<CreateSectionBuilder>? configure = null)
    {
        var section = new CreateSectionBuilder(title);
        configure?.Invoke(section);
        _sections.Add(section);
        return this;
    }

    internal async Task<CreatePlanResult> ExecuteAsync(ServicePlanAppFixture app, TestData testData)
    {
        var organisationId = _organisationId ?? await testData.DemoOrganisationIdAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.Database.CreateContext();

        var plan = new Plan
        {
            OrganisationId = organisationId,
            Title = _title ?? TestData.UniqueTitle("Test plan"),
            Service = "Children's Services (test data)",
            Period = _period,
            Owner = _owner,
            MonitoringBoard = _monitoringBoard,
            CreatedWithIdeasFrom = _ideasFrom,
            RatingsAreIllustrative = _ratingsAreIllustrative,
            Status = _status,
            ImplementationDate = new DateOnly(_period.StartYear, 4, 1),
            ReviewDate = new DateOnly(_period.StartYear + 1, 3, 31),
        };

        // Only the accounts a person is named after are linked; the same rule as the importer's.
        var accounts = (await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .GroupBy(u => u.DisplayName.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
        PlanPerson AddPerson(string name, string initials, string? role)
        {
            var person = new PlanPerson { PlanId = plan.Id, Name = name, Initials = initials, Role = role, UserId = accounts.GetValueOrDefault(name.Trim()) };
            plan.People.Add(person);
            return person;
        }

        foreach (var (name, initials, role) in _people)
            AddPerson(name, initials, role);

        foreach (var (label, date, status) in _reviews)
        {
            plan.Reviews.Add(new Review
            {
                PlanId = plan.Id,
                Label = label,
                Date = date ?? DateOnly.FromDateTime(now),
                Status = status,
                OpenedAtUtc = status == ReviewStatus.Open ? now : null,
                ClosedAtUtc = status == ReviewStatus.Closed ? now : null,
            });
        }

        var openReview = plan.Reviews.Where(r => r.Status == ReviewStatus.Open).OrderByDescending(r => r.Date).FirstOrDefault();
        var sections = _sections.Count > 0 ? _sections : [new CreateSectionBuilder("Children in Need (test data)")];
        var sources = new Dictionary<string, Source>();
        var actionOrder = 0;
        var updates = 0;
        foreach (var (sectionBuilder, sectionIndex) in sections.Select((s, i) => (s, i)))
        {
            var section = new Section { PlanId = plan.Id, Title = sectionBuilder.Title, Order = sectionIndex + 1 };
            plan.Sections.Add(section);
            var objectives = sectionBuilder.Objectives.Count > 0 || sectionBuilder.IsEmpty ? sectionBuilder.Objectives : [new CreateObjectiveBuilder("To test the plan (test data)")];
            foreach (var (objectiveBuilder, objectiveIndex) in objectives.Select((o, i) => (o, i)))
            {
                var objective = new Objective { SectionId = section.Id, Aim = objectiveBuilder.Aim, Order = objectiveIndex + 1 };
                section.Objectives.Add(objective);
                foreach (var (title, kind) in objectiveBuilder.Sources)
                {
                    if (!sources.TryGetValue(title, out var source))
                    {
                        source = await db.Sources.FirstOrDefaultAsync(s => s.OrganisationId == organisationId && s.Title == title)
                            ?? db.Sources.Add(new Source { OrganisationId = organisationId, Title = title, Kind = kind }).Entity;
                        sources[title] = source;
                    }

                    objective.Sources.Add(source);
                }

                var actions = objectiveBuilder.Actions.Count > 0 ? objectiveBuilder.Actions : [new CreateActionBuilder()];
                foreach (var actionBuilder in actions)
                {
                    actionOrder++;
                    var action = new PlanAction
                    {
                        PlanId = plan.Id,
                        ObjectiveId = objective.Id,
                        Ref = actionBuilder.Ref ?? actionOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Order = actionOrder,
                        DoesWhat = actionBuilder.DoesWhat ?? $"Test action {actionOrder} (test data)",
                        Measure = actionBuilder.Measure ?? "Checked in supervision (test data)",
                        ChildrenExperience = actionBuilder.Experience ?? "Children are seen sooner (test data)",
                        RetainedForOversight = actionBuilder.IsRetainedForOversight,
                        IsExempt = actionBuilder.ExemptParagraph is not null,
                        ExemptParagraph = actionBuilder.ExemptParagraph,
                        CreatedAtUtc = now.AddDays(-30),
                    };
                    action.SetDue(actionBuilder.Due ?? "March 2025", plan.Period);
                    foreach (var (name, initials) in actionBuilder.Leads)
                    {
                        var person = plan.People.FirstOrDefault(p => p.Name == name) ?? AddPerson(name, initials ?? Initials(name), null);
                        action.Leads.Add(person);
                    }

                    action.LeadsText = actionBuilder.LeadsText ?? string.Join(" & ", action.Leads.Select(p => p.Initials));
                    foreach (var update in actionBuilder.Updates)
                    {
                        var review = update.ReviewLabel is { } label
                            ? plan.Reviews.FirstOrDefault(r => r.Label == label) ?? throw new InvalidOperationException($"The plan has no review \"{label}\": add it with WithOpenReview or WithClosedReview.")
                            : openReview;
                        // Each update a little later than the one before, so the last described is the action's current rating.
                        action.Updates.Add(new ProgressUpdate
                        {
                            ActionId = action.Id,
                            ReviewId = review?.Id,
                            Rating = update.Rating,
                            Comment = update.Comment,
                            AuthorName = update.AuthorName ?? "Jordan Example",
                            RecordedAtUtc = now.AddDays(-7).AddMinutes(++updates),
                            IsExempt = update.ExemptParagraph is not null,
                            ExemptParagraph = update.ExemptParagraph,
                        });
                    }

                    objective.Actions.Add(action);
                }
            }
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        // A closed review is written down as closing one writes it, so tests see what a real closed review reports.
        await new ReviewSnapshots(db, TimeProvider.System).EnsureAsync(plan.Id);

        var allActions = plan.Sections.SelectMany(s => s.Objectives).SelectMany(o => o.Actions).ToList();
        return new CreatePlanResult(
            plan.Id,
            plan.Title,
            organisationId,
            plan.Sections.ToDictionary(s => s.Title, s => s.Id),
            allActions.ToDictionary(a => a.Ref, a => new CreatedAction(a.Id, a.Ref, a.DoesWhat, a.Updates.Select(u => u.Id).ToList())),
            plan.Reviews.ToDictionary(r => r.Label, r => r.Id),
            plan.People.ToDictionary(p => p.Name, p => p.Id),
            sources.ToDictionary(s => s.Key, s => s.Value.Id));
    }

    /// <summary>"Sam Okafor" is "SO": how a plan's "Who?" column usually names someone.</summary>
    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
}

public sealed class CreateSectionBuilder(string title)
{
    public string Title { get; } = title;

    internal List<CreateObjectiveBuilder> Objectives { get; } = [];

    internal bool IsEmpty { get; private set; }

    /// <summary>A heading with nothing under it yet, as plans sometimes have; a section is given one action otherwise.</summary>
    public CreateSectionBuilder WithNoActions()
    {
        IsEmpty = true;
        return this;
    }

    /// <summary>The "Why?" of the actions under it.</summary>
    public CreateSectionBuilder WithObjective(string aim, Action<CreateObjectiveBuilder>? configure = null)
    {
        var objective = new CreateObjectiveBuilder(aim);
        configure?.Invoke(objective);
        Objectives.Add(objective);
        return this;
    }

    /// <summary>An action under an objective of its own, for tests that do not care about the "Why?".</summary>
    public CreateSectionBuilder WithAction(Action<CreateActionBuilder>? configure = null) =>
        WithObjective($"Aim of {Title} (test data)", o => o.WithAction(configure));
}

public sealed class CreateObjectiveBuilder(string aim)
{
    public string Aim { get; } = aim;

    internal List<CreateActionBuilder> Actions { get; } = [];

    internal List<(string Title, SourceKind Kind)> Sources { get; } = [];

    /// <summary>A source that asked for this objective: the council's own of that title, made when it has none.</summary>
    public CreateObjectiveBuilder WithSource(string title, SourceKind kind = SourceKind.Other)
    {
        Sources.Add((title, kind));
        return this;
    }

    public CreateObjectiveBuilder WithAction(Action<CreateActionBuilder>? configure = null)
    {
        var action = new CreateActionBuilder();
        configure?.Invoke(action);
        Actions.Add(action);
        return this;
    }
}

public sealed class CreateActionBuilder
{
    internal string? Ref { get; private set; }
    internal string? DoesWhat { get; private set; }
    internal string? Measure { get; private set; }
    internal string? Experience { get; private set; }
    internal string? Due { get; private set; }
    internal string? LeadsText { get; private set; }
    internal bool IsRetainedForOversight { get; private set; }
    internal string? ExemptParagraph { get; private set; }
    internal List<(string Name, string? Initials)> Leads { get; } = [];
    internal List<CreateUpdate> Updates { get; } = [];

    /// <summary>The ref users see; actions are numbered "1", "2", … in plan order when not given.</summary>
    public CreateActionBuilder WithRef(string reference)
    {
        Ref = reference;
        return this;
    }

    /// <summary>"Does what?"</summary>
    public CreateActionBuilder WithDoesWhat(string text)
    {
        DoesWhat = text;
        return this;
    }

    /// <summary>"How will we know it has been done?"</summary>
    public CreateActionBuilder WithMeasure(string text)
    {
        Measure = text;
        return this;
    }

    /// <summary>"What will be the experience of children?"</summary>
    public CreateActionBuilder WithChildrenExperience(string text)
    {
        Experience = text;
        return this;
    }

    /// <summary>"By when?" as an owner would write it ("March 2025", "Quarterly", "Complete"); "March 2025" when not given.</summary>
    public CreateActionBuilder WithDue(string text)
    {
        Due = text;
        return this;
    }

    /// <summary>
    /// A lead, added to the plan's people when the plan does not already name them. A lead named after a test user
    /// (e.g. <see cref="TestData.LeadName"/>) is linked to their account, so that user may update the action.
    /// </summary>
    public CreateActionBuilder WithLead(string name, string? initials = null)
    {
        Leads.Add((name, initials));
        return this;
    }

    /// <summary>The "Who?" cell as written, when a test needs other words than the leads' initials.</summary>
    public CreateActionBuilder WithLeadsText(string text)
    {
        LeadsText = text;
        return this;
    }

    public CreateActionBuilder RetainedForOversight()
    {
        IsRetainedForOversight = true;
        return this;
    }

    /// <summary>Exempt under a paragraph of Schedule 12A: never in a public paper.</summary>
    public CreateActionBuilder Exempt(string paragraph = "3")
    {
        ExemptParagraph = paragraph;
        return this;
    }

    /// <summary>
    /// A progress update, filed under the named review, or under the plan's open review when none is named. The last
    /// update described is the action's current rating.
    /// </summary>
    public CreateActionBuilder WithUpdate(Rating rating, string comment = "Progress as planned (test data)", string? review = null, string? author = null, string? exemptParagraph = null)
    {
        Updates.Add(new CreateUpdate(rating, comment, review, author, exemptParagraph));
        return this;
    }

    /// <summary>Shorthand for one update with this rating.</summary>
    public CreateActionBuilder WithRating(Rating rating) => WithUpdate(rating);

    internal sealed record CreateUpdate(Rating Rating, string Comment, string? ReviewLabel, string? AuthorName, string? ExemptParagraph);
}

/// <summary>What <see cref="TestData.CreatePlanAsync"/> wrote: the ids a test needs, found by what users see.</summary>
public sealed record CreatePlanResult(
    Guid PlanId,
    string Title,
    Guid OrganisationId,
    IReadOnlyDictionary<string, Guid> SectionIds,
    IReadOnlyDictionary<string, CreatedAction> Actions,
    IReadOnlyDictionary<string, Guid> ReviewIds,
    IReadOnlyDictionary<string, Guid> PersonIds,
    IReadOnlyDictionary<string, Guid> SourceIds)
{
    /// <summary>The action with this ref.</summary>
    public CreatedAction Action(string reference) =>
        Actions.TryGetValue(reference, out var action) ? action : throw new KeyNotFoundException($"The plan has no action \"{reference}\".");

    /// <summary>The only action, for a plan made with one.</summary>
    public CreatedAction SingleAction => Actions.Values.Single();

    public Guid SectionId(string title) => SectionIds[title];

    public Guid ReviewId(string label) => ReviewIds[label];
}

public sealed record CreatedAction(Guid Id, string Ref, string DoesWhat, IReadOnlyList<Guid> UpdateIds);
