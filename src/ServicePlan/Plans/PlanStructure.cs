using Microsoft.EntityFrameworkCore;
using ServicePlan.Audit;
using ServicePlan.Database;
using ServicePlan.Sources;

namespace ServicePlan.Plans;

/// <summary>The names of the fields a structure change can be refused for: the API's problem keys, mapped by the pages to their inputs.</summary>
public static class StructureField
{
    public const string Title = "title";
    public const string Section = "section";
    public const string Objective = "objective";
    public const string Why = "why";
    public const string Ref = "ref";
    public const string DoesWhat = "action";
    public const string Leads = "leads";
    public const string Due = "due";
    public const string Measure = "measure";
    public const string Experience = "impact";
    public const string ExemptParagraph = "exemptParagraph";
}

public abstract record StructureResult
{
    /// <summary>Saved. <see cref="Message"/> is the success banner's sentence; <see cref="Id"/> the record added or changed.</summary>
    public sealed record Done(Guid Id, int Version, string Message) : StructureResult;

    public sealed record NotFound : StructureResult;

    /// <summary>The plan has been rolled over and closed: it is read-only.</summary>
    public sealed record PlanClosed : StructureResult;

    /// <summary>What was sent is not right, by field (see <see cref="StructureField"/>); nothing was written.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Problems) : StructureResult;

    /// <summary>Someone changed the record after the form was opened (or the ETag read): nothing was written.</summary>
    public sealed record Stale(string Message) : StructureResult;

    /// <summary>The change cannot be made as the plan stands now (restoring into a removed section, a ref now taken).</summary>
    public sealed record Refused(string Message) : StructureResult;

    public static Invalid Problem(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}

/// <summary>An action of the plan as the structure page lists it.</summary>
public sealed record StructureAction(Guid Id, string Ref, string DoesWhat, int Version);

public sealed record StructureObjective(Guid Id, Guid SectionId, string Aim, int Order, int Version, IReadOnlyList<Source> Sources, IReadOnlyList<StructureAction> Actions);

public sealed record StructureSection(Guid Id, string Title, int Order, int Version, IReadOnlyList<StructureObjective> Objectives);

/// <summary>The plan's sections, objectives and actions in order, without anything removed.</summary>
public sealed record PlanOutline(Plan Plan, IReadOnlyList<StructureSection> Sections)
{
    public IEnumerable<StructureObjective> Objectives => Sections.SelectMany(s => s.Objectives);

    public IEnumerable<StructureAction> Actions => Objectives.SelectMany(o => o.Actions);
}

/// <summary>Something removed from the plan, as its Removed list shows it.</summary>
/// <param name="Where">The section (and objective) it was in.</param>
/// <param name="RemovedWith">How many objectives and actions went with it, in words, or "".</param>
public sealed record RemovedItem(Guid Id, string What, string Where, string RemovedWith, DateTime RemovedAtUtc, string RemovedBy);

public sealed record RemovedFromPlan(Plan Plan, IReadOnlyList<RemovedItem> Sections, IReadOnlyList<RemovedItem> Objectives, IReadOnlyList<RemovedItem> Actions)
{
    public bool IsEmpty => Sections.Count == 0 && Objectives.Count == 0 && Actions.Count == 0;
}

/// <summary>One action's ref before and after renumbering its section.</summary>
public sealed record Renumbering(Guid ActionId, string DoesWhat, string OldRef, string NewRef);

/// <summary>A new action: its fields, and the people who lead it, by id (the pages) or by name or initials (the API).</summary>
public sealed record NewAction(ActionChanges Fields, IReadOnlyCollection<string>? LeadNames = null);

/// <summary>
/// Changes the plan's structure: its sections, objectives and actions added, edited, moved, removed and restored, and a
/// section's actions renumbered. Each command is one SaveChanges, audited with a sentence in the users' words.
/// </summary>
/// <remarks>
/// Removing keeps the record: it is marked removed (when, by whom) and the model's query filters leave it out of every
/// other query. Removing a section or objective marks what is in it at the same instant, which is how restoring it
/// knows what to bring back: what was removed with it, and not what had been removed on its own before.
/// </remarks>
public sealed class PlanStructure(ServicePlanDbContext db, IAuditActor actor, TimeProvider clock)
{
    private static readonly StructureResult NotFound = new StructureResult.NotFound();
    private static readonly StructureResult Closed = new StructureResult.PlanClosed();

    // Reading

    public async Task<PlanOutline?> OutlineAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.People.OrderBy(person => person.Name)).VisibleTo(organisationId)
            .FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return null;
        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Include(o => o.Sources).Where(o => o.Section!.PlanId == planId)
            .OrderBy(o => o.Order).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Order)
            .Select(a => new { a.ObjectiveId, Row = new StructureAction(a.Id, a.Ref, a.DoesWhat, a.Version) }).ToListAsync(ct);
        var byObjective = actions.ToLookup(a => a.ObjectiveId, a => a.Row);
        var bySection = objectives.ToLookup(o => o.SectionId, o => new StructureObjective(
            o.Id, o.SectionId, o.Aim, o.Order, o.Version, o.Sources.OrderBy(s => s.Title).ToList(), byObjective[o.Id].ToList()));
        return new PlanOutline(plan, sections.Select(s => new StructureSection(s.Id, s.Title, s.Order, s.Version, bySection[s.Id].ToList())).ToList());
    }

    public async Task<RemovedFromPlan?> RemovedAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return null;
        var sections = await db.Sections.IgnoreQueryFilters().AsNoTracking().Where(s => s.PlanId == planId).ToListAsync(ct);
        var sectionIds = sections.Select(s => s.Id).ToList();
        var objectives = await db.Objectives.IgnoreQueryFilters().AsNoTracking().Where(o => sectionIds.Contains(o.SectionId)).ToListAsync(ct);
        var actions = await db.Actions.IgnoreQueryFilters().AsNoTracking().Where(a => a.PlanId == planId && a.RemovedAtUtc != null)
            .OrderByDescending(a => a.RemovedAtUtc).ToListAsync(ct);
        var sectionOf = sections.ToDictionary(s => s.Id);
        var objectiveOf = objectives.ToDictionary(o => o.Id);

        static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

        var removedSections = sections.Where(s => s.RemovedAtUtc is not null).OrderByDescending(s => s.RemovedAtUtc).Select(s =>
        {
            var withObjectives = objectives.Where(o => o.SectionId == s.Id && o.RemovedAtUtc == s.RemovedAtUtc).Select(o => o.Id).ToHashSet();
            var withActions = actions.Count(a => withObjectives.Contains(a.ObjectiveId) && a.RemovedAtUtc == s.RemovedAtUtc);
            var with = withObjectives.Count + withActions == 0 ? "" : $"With {Count(withObjectives.Count, "objective", "objectives")} and {Count(withActions, "action", "actions")}";
            return new RemovedItem(s.Id, s.Title, "", with, s.RemovedAtUtc!.Value, s.RemovedBy ?? "");
        }).ToList();

        // An objective or action removed with the section (or objective) it is in is restored with it, so is listed only there.
        var removedObjectives = objectives
            .Where(o => o.RemovedAtUtc is not null && o.RemovedAtUtc != sectionOf[o.SectionId].RemovedAtUtc)
            .OrderByDescending(o => o.RemovedAtUtc)
            .Select(o =>
            {
                var withActions = actions.Count(a => a.ObjectiveId == o.Id && a.RemovedAtUtc == o.RemovedAtUtc);
                return new RemovedItem(o.Id, StructureRules.Quote(o.Aim, 200), sectionOf[o.SectionId].Title,
                    withActions == 0 ? "" : $"With {Count(withActions, "action", "actions")}", o.RemovedAtUtc!.Value, o.RemovedBy ?? "");
            }).ToList();
        var removedActions = actions
            .Where(a => a.RemovedAtUtc != objectiveOf[a.ObjectiveId].RemovedAtUtc)
            .Select(a =>
            {
                var objective = objectiveOf[a.ObjectiveId];
                return new RemovedItem(a.Id, ActionName(a) + ": " + StructureRules.Quote(a.DoesWhat, 200),
                    $"{sectionOf[objective.SectionId].Title}: {StructureRules.Quote(objective.Aim)}", "", a.RemovedAtUtc!.Value, a.RemovedBy ?? "");
            }).ToList();
        return new RemovedFromPlan(plan, removedSections, removedObjectives, removedActions);
    }

    // Sections

    public async Task<StructureResult> AddSectionAsync(Guid planId, Guid organisationId, string? title, CancellationToken ct = default)
    {
        if (await OpenPlanAsync(planId, organisationId, ct) is not { } plan)
            return await WhyNotAsync(planId, organisationId, ct);
        if (StructureRules.SectionTitleProblem(title) is { } problem)
            return StructureResult.Problem(StructureField.Title, problem);
        var order = await db.Sections.IgnoreQueryFilters().Where(s => s.PlanId == plan.Id).MaxAsync(s => (int?)s.Order, ct) ?? 0;
        var section = new Section { PlanId = plan.Id, Title = title!.Trim(), Order = order + 1 };
        db.Sections.Add(section);
        db.Summarise(section, $"Section '{section.Title}' added");
        await db.SaveChangesAsync(ct);
        return new StructureResult.Done(section.Id, section.Version, $"Section '{section.Title}' added");
    }

    public async Task<StructureResult> RenameSectionAsync(Guid sectionId, Guid organisationId, int version, string? title, CancellationToken ct = default)
    {
        var (section, plan, refusal) = await SectionAsync(sectionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (section!.Version != version)
            return new StructureResult.Stale($"Someone else changed section '{section.Title}' after you opened this page. Nothing was saved: check it and try again");
        if (StructureRules.SectionTitleProblem(title) is { } problem)
            return StructureResult.Problem(StructureField.Title, problem);
        var old = section.Title;
        section.Title = title!.Trim();
        if (section.Title == old)
            return new StructureResult.Done(section.Id, section.Version, $"Section '{old}' not changed");
        section.Version++;
        db.Summarise(section, $"Section '{old}' renamed to '{section.Title}'");
        return await SaveAsync(section.Id, () => section.Version, $"Section '{old}' renamed to '{section.Title}'", ct);
    }

    /// <param name="by">-1 to move up, +1 down.</param>
    public async Task<StructureResult> MoveSectionAsync(Guid sectionId, Guid organisationId, int by, CancellationToken ct = default)
    {
        var (section, plan, refusal) = await SectionAsync(sectionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        var sections = await db.Sections.Where(s => s.PlanId == plan!.Id).OrderBy(s => s.Order).ToListAsync(ct);
        var moved = sections.Single(s => s.Id == sectionId);
        var ordered = StructureRules.Move(sections, moved, by);
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            if (s.Order == i + 1)
                continue;
            s.Order = i + 1;
            s.Version++;
            db.Summarise(s, s == moved
                ? $"Section '{s.Title}' moved {(by < 0 ? "up" : "down")} to position {i + 1}"
                : $"Section '{s.Title}' now at position {i + 1}, after section '{moved.Title}' moved");
        }

        var message = ordered.IndexOf(moved) == sections.IndexOf(moved)
            ? $"Section '{moved.Title}' is already {(by < 0 ? "first" : "last")}"
            : $"Section '{moved.Title}' moved {(by < 0 ? "up" : "down")}";
        return await SaveAsync(moved.Id, () => moved.Version, message, ct);
    }

    public async Task<StructureResult> RemoveSectionAsync(Guid sectionId, Guid organisationId, int version, CancellationToken ct = default)
    {
        var (section, _, refusal) = await SectionAsync(sectionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (section!.Version != version)
            return new StructureResult.Stale($"Someone else changed section '{section.Title}' after you opened this page. Nothing was removed: check it and try again");
        var (now, by) = await RemovalAsync(section.PlanId, ct);
        MarkRemoved(section, now, by);
        db.Summarise(section, $"Section '{section.Title}' removed");
        var objectives = await db.Objectives.Where(o => o.SectionId == section.Id).ToListAsync(ct);
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        foreach (var objective in objectives)
        {
            MarkRemoved(objective, now, by);
            db.Summarise(objective, $"Objective '{StructureRules.Quote(objective.Aim)}' removed with section '{section.Title}'");
        }

        foreach (var action in await db.Actions.Where(a => objectiveIds.Contains(a.ObjectiveId)).ToListAsync(ct))
        {
            MarkRemoved(action, now, by);
            db.Summarise(action, $"{ActionName(action)} removed with section '{section.Title}'");
        }

        return await SaveAsync(section.Id, () => section.Version, $"Section '{section.Title}' removed", ct);
    }

    public async Task<StructureResult> RestoreSectionAsync(Guid sectionId, Guid organisationId, CancellationToken ct = default)
    {
        var section = await db.Sections.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == sectionId && s.RemovedAtUtc != null, ct);
        if (section is null || await OpenPlanAsync(section.PlanId, organisationId, ct) is not { } plan)
            return section is null ? NotFound : await WhyNotAsync(section.PlanId, organisationId, ct);
        var removedAt = section.RemovedAtUtc;
        var objectives = await db.Objectives.IgnoreQueryFilters().Where(o => o.SectionId == section.Id && o.RemovedAtUtc == removedAt).ToListAsync(ct);
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        var actions = await db.Actions.IgnoreQueryFilters().Where(a => objectiveIds.Contains(a.ObjectiveId) && a.RemovedAtUtc == removedAt).ToListAsync(ct);
        if (await RefClashAsync(plan.Id, actions, ct) is { } clash)
            return clash;
        var order = await db.Sections.Where(s => s.PlanId == plan.Id).MaxAsync(s => (int?)s.Order, ct) ?? 0;
        Restore(section);
        // Back at the end: the sections around its old place may have moved since.
        section.Order = order + 1;
        db.Summarise(section, $"Section '{section.Title}' restored");
        foreach (var objective in objectives)
        {
            Restore(objective);
            db.Summarise(objective, $"Objective '{StructureRules.Quote(objective.Aim)}' restored with section '{section.Title}'");
        }

        foreach (var action in actions)
        {
            Restore(action);
            db.Summarise(action, $"{ActionName(action)} restored with section '{section.Title}'");
        }

        return await SaveAsync(section.Id, () => section.Version, $"Section '{section.Title}' restored", ct);
    }

    /// <summary>What renumbering the section would do, for its confirmation page; null when there is no such section.</summary>
    public async Task<IReadOnlyList<Renumbering>?> RenumberingAsync(Guid sectionId, Guid organisationId, CancellationToken ct = default)
    {
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionId, ct);
        if (section is null || !await db.Plans.VisibleTo(organisationId).AnyAsync(p => p.Id == section.PlanId, ct))
            return null;
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == section.PlanId)
            .Select(a => new { a.Id, a.Ref, a.DoesWhat, a.Order, a.Objective!.SectionId, SectionOrder = a.Objective.Section!.Order, ObjectiveOrder = a.Objective.Order })
            .ToListAsync(ct);
        var mine = actions.Where(a => a.SectionId == sectionId).OrderBy(a => a.ObjectiveOrder).ThenBy(a => a.Order).ToList();
        var refs = StructureRules.Renumber(
            actions.Where(a => a.SectionOrder < section.Order).Select(a => a.Ref),
            actions.Where(a => a.SectionId != sectionId).Select(a => a.Ref),
            mine.Count);
        return mine.Select((a, i) => new Renumbering(a.Id, a.DoesWhat, a.Ref, refs[i])).ToList();
    }

    public async Task<StructureResult> RenumberSectionAsync(Guid sectionId, Guid organisationId, CancellationToken ct = default)
    {
        var (section, _, refusal) = await SectionAsync(sectionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        var renumbering = await RenumberingAsync(sectionId, organisationId, ct) ?? [];
        var ids = renumbering.Select(r => r.ActionId).ToList();
        var actions = await db.Actions.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var change in renumbering.Where(r => r.OldRef != r.NewRef))
        {
            var action = actions[change.ActionId];
            var old = ActionName(action);
            action.Ref = change.NewRef;
            action.Version++;
            db.Summarise(action, $"{old} renumbered {change.NewRef}, when section '{section!.Title}' was renumbered");
        }

        return await SaveAsync(section!.Id, () => section.Version, $"Section '{section.Title}' renumbered", ct);
    }

    // Objectives

    public async Task<StructureResult> AddObjectiveAsync(Guid sectionId, Guid organisationId, string? aim, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct = default)
    {
        var (section, plan, refusal) = await SectionAsync(sectionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (StructureRules.AimProblem(aim) is { } problem)
            return StructureResult.Problem(StructureField.Why, problem);
        var objective = await NewObjectiveAsync(section!, aim!, ct);
        objective.Sources.AddRange(await SourcesAsync(plan!.OrganisationId, sourceIds, ct));
        db.Summarise(objective, $"Objective '{StructureRules.Quote(objective.Aim)}' added to section '{section!.Title}'");
        DescribeSources(objective);
        await db.SaveChangesAsync(ct);
        return new StructureResult.Done(objective.Id, objective.Version, $"Objective added to section '{section.Title}'");
    }

    /// <summary>Adds an objective to the section named by its title, made when the plan has none by that title: the API's way.</summary>
    public async Task<StructureResult> AddObjectiveByNamesAsync(Guid planId, Guid organisationId, string? sectionTitle, string? aim, CancellationToken ct = default)
    {
        if (await OpenPlanAsync(planId, organisationId, ct) is not { } plan)
            return await WhyNotAsync(planId, organisationId, ct);
        var problems = new Dictionary<string, string>();
        if (StructureRules.SectionTitleProblem(sectionTitle) is { } sectionProblem)
            problems[StructureField.Section] = sectionProblem;
        if (StructureRules.AimProblem(aim) is { } aimProblem)
            problems[StructureField.Why] = aimProblem;
        if (problems.Count > 0)
            return new StructureResult.Invalid(problems);
        var section = await FindOrMakeSectionAsync(plan, sectionTitle!, ct);
        var objective = await NewObjectiveAsync(section, aim!, ct);
        db.Summarise(objective, $"Objective '{StructureRules.Quote(objective.Aim)}' added to section '{section.Title}'");
        await db.SaveChangesAsync(ct);
        return new StructureResult.Done(objective.Id, objective.Version, $"Objective added to section '{section.Title}'");
    }

    /// <summary>Changes an objective's "Why?", its sources and the section it is in; null <paramref name="sourceIds"/> keeps the sources.</summary>
    public async Task<StructureResult> EditObjectiveAsync(
        Guid objectiveId, Guid organisationId, int version, string? aim, IReadOnlyCollection<Guid>? sourceIds, Guid? sectionId, CancellationToken ct = default)
    {
        var (objective, plan, refusal) = await ObjectiveAsync(objectiveId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (objective!.Version != version)
            return new StructureResult.Stale("Someone else changed this objective after you opened this page. Nothing was saved: check it and try again");
        return await ChangeObjectiveAsync(objective, plan!, aim, sourceIds, sectionId, ct);
    }

    public async Task<StructureResult> RemoveObjectiveAsync(Guid objectiveId, Guid organisationId, int version, CancellationToken ct = default)
    {
        var (objective, plan, refusal) = await ObjectiveAsync(objectiveId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (objective!.Version != version)
            return new StructureResult.Stale("Someone else changed this objective after you opened this page. Nothing was removed: check it and try again");
        var (now, by) = await RemovalAsync(plan!.Id, ct);
        var name = $"Objective '{StructureRules.Quote(objective.Aim)}'";
        MarkRemoved(objective, now, by);
        db.Summarise(objective, $"{name} removed");
        foreach (var action in await db.Actions.Where(a => a.ObjectiveId == objective.Id).ToListAsync(ct))
        {
            MarkRemoved(action, now, by);
            db.Summarise(action, $"{ActionName(action)} removed with objective '{StructureRules.Quote(objective.Aim)}'");
        }

        return await SaveAsync(objective.Id, () => objective.Version, $"{name} removed", ct);
    }

    public async Task<StructureResult> RestoreObjectiveAsync(Guid objectiveId, Guid organisationId, CancellationToken ct = default)
    {
        var objective = await db.Objectives.IgnoreQueryFilters().Include(o => o.Section).FirstOrDefaultAsync(o => o.Id == objectiveId && o.RemovedAtUtc != null, ct);
        var planId = objective?.Section?.PlanId ?? Guid.Empty;
        if (objective is null || await OpenPlanAsync(planId, organisationId, ct) is not { } plan)
            return objective is null ? NotFound : await WhyNotAsync(planId, organisationId, ct);
        if (objective.Section!.RemovedAtUtc is not null)
            return new StructureResult.Refused($"Section '{objective.Section.Title}' was removed too: restore the section first");
        var removedAt = objective.RemovedAtUtc;
        var actions = await db.Actions.IgnoreQueryFilters().Where(a => a.ObjectiveId == objective.Id && a.RemovedAtUtc == removedAt).ToListAsync(ct);
        if (await RefClashAsync(plan.Id, actions, ct) is { } clash)
            return clash;
        var name = $"Objective '{StructureRules.Quote(objective.Aim)}'";
        Restore(objective);
        objective.Order = (await db.Objectives.Where(o => o.SectionId == objective.SectionId).MaxAsync(o => (int?)o.Order, ct) ?? 0) + 1;
        db.Summarise(objective, $"{name} restored");
        foreach (var action in actions)
        {
            Restore(action);
            db.Summarise(action, $"{ActionName(action)} restored with objective '{StructureRules.Quote(objective.Aim)}'");
        }

        return await SaveAsync(objective.Id, () => objective.Version, $"{name} restored", ct);
    }

    // Actions

    public async Task<StructureResult> AddActionAsync(Guid objectiveId, Guid organisationId, NewAction added, CancellationToken ct = default)
    {
        var (objective, plan, refusal) = await ObjectiveAsync(objectiveId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        var action = new PlanAction { PlanId = plan!.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        return await WriteActionAsync(action, plan, objective!, added, isNew: true, ct);
    }

    /// <summary>
    /// Adds an action to the objective named by its section's title and its "Why?", as an imported row would: a section
    /// or objective that does not exist yet is made, and leads named but not among the plan's people are added to them.
    /// </summary>
    public async Task<StructureResult> AddActionByNamesAsync(Guid planId, Guid organisationId, string? sectionTitle, string? aim, NewAction added, CancellationToken ct = default)
    {
        if (await OpenPlanAsync(planId, organisationId, ct) is not { } plan)
            return await WhyNotAsync(planId, organisationId, ct);
        var problems = new Dictionary<string, string>();
        if (StructureRules.SectionTitleProblem(sectionTitle) is { } sectionProblem)
            problems[StructureField.Section] = sectionProblem;
        if (aim?.Trim().Length > FieldLengths.ActionText)
            problems[StructureField.Objective] = $"Why? must be {FieldLengths.ActionText:N0} characters or fewer";
        if (problems.Count > 0)
            return new StructureResult.Invalid(problems);
        var objective = await FindOrMakeObjectiveAsync(plan, sectionTitle!, aim ?? "", ct);
        var action = new PlanAction { PlanId = plan.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        return await WriteActionAsync(action, plan, objective, added, isNew: true, ct);
    }

    /// <summary>
    /// Changes an action's fields and, when <paramref name="sectionTitle"/> or <paramref name="aim"/> is given, moves it to
    /// the objective they name (made when new): the API's PATCH, in one save.
    /// </summary>
    public async Task<StructureResult> UpdateActionAsync(
        Guid actionId, Guid organisationId, int version, NewAction changed, string? sectionTitle, string? aim, CancellationToken ct = default)
    {
        var (action, plan, refusal) = await ActionAsync(actionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (action!.Version != version)
            return new StructureResult.Stale($"Someone else changed {InSentence(ActionName(action))} after you read it. Nothing was saved: read it again and send your change again");
        var objective = await db.Objectives.Include(o => o.Section).FirstAsync(o => o.Id == action.ObjectiveId, ct);
        if (sectionTitle is not null || aim is not null)
        {
            var title = sectionTitle ?? objective.Section!.Title;
            if (StructureRules.SectionTitleProblem(title) is { } sectionProblem)
                return StructureResult.Problem(StructureField.Section, sectionProblem);
            objective = await FindOrMakeObjectiveAsync(plan!, title, aim ?? objective.Aim, ct);
        }

        return await WriteActionAsync(action, plan!, objective, changed, isNew: false, ct);
    }

    public async Task<StructureResult> MoveActionAsync(Guid actionId, Guid organisationId, int version, Guid objectiveId, CancellationToken ct = default)
    {
        var (action, plan, refusal) = await ActionAsync(actionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (action!.Version != version)
            return new StructureResult.Stale($"Someone else changed {InSentence(ActionName(action))} after you opened this page. Nothing was moved: check it and try again");
        var objective = await db.Objectives.Include(o => o.Section).FirstOrDefaultAsync(o => o.Id == objectiveId && o.Section!.PlanId == plan!.Id, ct);
        if (objective is null)
            return StructureResult.Problem(StructureField.Objective, "Select the objective to move the action to");
        if (objective.Id == action.ObjectiveId)
            return new StructureResult.Done(action.Id, action.Version, $"{ActionName(action)} is already under that objective");
        MoveAction(action, objective, await NextActionOrderAsync(plan!.Id, ct));
        return await SaveAsync(action.Id, () => action.Version, $"{ActionName(action)} moved to objective '{StructureRules.Quote(objective.Aim)}'", ct);
    }

    public async Task<StructureResult> RemoveActionAsync(Guid actionId, Guid organisationId, int version, CancellationToken ct = default)
    {
        var (action, _, refusal) = await ActionAsync(actionId, organisationId, ct);
        if (refusal is not null)
            return refusal;
        if (action!.Version != version)
            return new StructureResult.Stale($"Someone else changed {InSentence(ActionName(action))} after you opened this page. Nothing was removed: check it and try again");
        var (now, by) = await RemovalAsync(action.PlanId, ct);
        MarkRemoved(action, now, by);
        db.Summarise(action, $"{ActionName(action)} removed");
        return await SaveAsync(action.Id, () => action.Version, $"{ActionName(action)} removed", ct);
    }

    public async Task<StructureResult> RestoreActionAsync(Guid actionId, Guid organisationId, CancellationToken ct = default)
    {
        var action = await db.Actions.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == actionId && a.RemovedAtUtc != null, ct);
        if (action is null || await OpenPlanAsync(action.PlanId, organisationId, ct) is not { } plan)
            return action is null ? NotFound : await WhyNotAsync(action.PlanId, organisationId, ct);
        var objective = await db.Objectives.IgnoreQueryFilters().Include(o => o.Section).FirstAsync(o => o.Id == action.ObjectiveId, ct);
        if (objective.Section!.RemovedAtUtc is not null)
            return new StructureResult.Refused($"Section '{objective.Section.Title}' was removed too: restore the section first");
        if (objective.RemovedAtUtc is not null)
            return new StructureResult.Refused($"Objective '{StructureRules.Quote(objective.Aim)}' was removed too: restore the objective first");
        if (await RefClashAsync(plan.Id, [action], ct) is { } clash)
            return clash;
        Restore(action);
        db.Summarise(action, $"{ActionName(action)} restored");
        return await SaveAsync(action.Id, () => action.Version, $"{ActionName(action)} restored", ct);
    }

    // The parts

    private async Task<StructureResult> WriteActionAsync(PlanAction action, Plan plan, Objective objective, NewAction given, bool isNew, CancellationToken ct)
    {
        var fields = given.Fields;
        var problems = new Dictionary<string, string>();
        var otherRefs = await db.Actions.Where(a => a.PlanId == plan.Id && a.Id != action.Id).Select(a => a.Ref).ToListAsync(ct);
        if (StructureRules.RefProblem(fields.Ref, otherRefs) is { } refProblem)
            problems[StructureField.Ref] = refProblem;
        if (string.IsNullOrWhiteSpace(fields.DoesWhat))
            problems[StructureField.DoesWhat] = "Enter what is done";
        foreach (var (key, value, name, max) in new[]
        {
            (StructureField.DoesWhat, fields.DoesWhat, "Does what?", FieldLengths.ActionText),
            (StructureField.Measure, fields.Measure, "How will we know it has been done?", FieldLengths.ActionText),
            (StructureField.Experience, fields.ChildrenExperience, "What will be the experience of children?", FieldLengths.ActionText),
            (StructureField.Leads, fields.LeadsText, "Who?", FieldLengths.ActionWho),
            (StructureField.Due, fields.DueText, "By when?", FieldLengths.ActionByWhen),
        })
        {
            if (value.Trim().Length > max && !problems.ContainsKey(key))
                problems[key] = $"{name} must be {max:N0} characters or fewer";
        }

        if (fields.IsExempt && !Privacy.Schedule12A.IsParagraph(fields.ExemptParagraph))
            problems[StructureField.ExemptParagraph] = "Select the paragraph of Schedule 12A that makes this action exempt";
        if (given.LeadNames?.FirstOrDefault(n => n.Trim().Length > FieldLengths.PersonName) is not null)
            problems[StructureField.Leads] = $"Each lead's name must be {FieldLengths.PersonName} characters or fewer";
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new StructureResult.Invalid(problems);
        }

        var oldName = ActionName(action);
        var leads = await LeadsAsync(plan, fields, given.LeadNames, ct);
        ActionEditing.Apply(action, fields, leads, plan.Period);
        var sentences = new List<string>();
        if (isNew)
        {
            action.ObjectiveId = objective.Id;
            action.Order = await NextActionOrderAsync(plan.Id, ct);
            db.Actions.Add(action);
            sentences.Add($"{ActionName(action)} added to objective '{StructureRules.Quote(objective.Aim)}'");
        }
        else
        {
            sentences.Add(oldName == ActionName(action) ? $"{oldName} changed" : $"{oldName} changed, now {InSentence(ActionName(action))}");
            if (objective.Id != action.ObjectiveId)
            {
                action.ObjectiveId = objective.Id;
                action.Objective = objective;
                action.Order = await NextActionOrderAsync(plan.Id, ct);
                sentences.Add($"moved to objective '{StructureRules.Quote(objective.Aim)}'");
            }

            action.Version++;
        }

        db.Summarise(action, string.Join(", ", sentences));
        DescribeLeads(action);
        return await SaveAsync(action.Id, () => action.Version, isNew ? $"{ActionName(action)} added" : $"{ActionName(action)} saved", ct);
    }

    private void MoveAction(PlanAction action, Objective objective, int order)
    {
        action.ObjectiveId = objective.Id;
        action.Objective = objective;
        action.Order = order;
        action.Version++;
        db.Summarise(action, $"{ActionName(action)} moved to objective '{StructureRules.Quote(objective.Aim)}'");
    }

    private async Task<StructureResult> ChangeObjectiveAsync(Objective objective, Plan plan, string? aim, IReadOnlyCollection<Guid>? sourceIds, Guid? sectionId, CancellationToken ct)
    {
        if (StructureRules.AimProblem(aim) is { } problem)
            return StructureResult.Problem(StructureField.Why, problem);
        Section? section = null;
        if (sectionId is { } wanted && wanted != objective.SectionId)
        {
            section = await db.Sections.FirstOrDefaultAsync(s => s.Id == wanted && s.PlanId == plan.Id, ct);
            if (section is null)
                return StructureResult.Problem(StructureField.Section, "Select the section the objective is in");
        }

        var name = $"Objective '{StructureRules.Quote(objective.Aim)}'";
        var sentences = new List<string>();
        if (objective.Aim != aim!.Trim())
        {
            objective.Aim = aim.Trim();
            sentences.Add($"now reads '{StructureRules.Quote(objective.Aim)}'");
        }

        if (sourceIds is not null)
        {
            await db.Entry(objective).Collection(o => o.Sources).LoadAsync(ct);
            var wantedSources = await SourcesAsync(plan.OrganisationId, sourceIds, ct);
            if (!wantedSources.Select(s => s.Id).ToHashSet().SetEquals(objective.Sources.Select(s => s.Id)))
            {
                objective.Sources.RemoveAll(s => !sourceIds.Contains(s.Id));
                objective.Sources.AddRange(wantedSources.Where(s => objective.Sources.All(o => o.Id != s.Id)));
                sentences.Add(objective.Sources.Count == 0 ? "no longer has sources" : "sources now " + string.Join("; ", objective.Sources.Select(s => $"'{s.Title}'")));
            }
        }

        if (section is not null)
        {
            objective.SectionId = section.Id;
            objective.Order = (await db.Objectives.Where(o => o.SectionId == section.Id).MaxAsync(o => (int?)o.Order, ct) ?? 0) + 1;
            sentences.Add($"moved to section '{section.Title}'");
        }

        if (sentences.Count == 0)
            return new StructureResult.Done(objective.Id, objective.Version, $"{name} not changed");
        objective.Version++;
        var sentence = $"{name} {string.Join(", ", sentences)}";
        db.Summarise(objective, sentence);
        DescribeSources(objective);
        return await SaveAsync(objective.Id, () => objective.Version, sentence, ct);
    }

    private async Task<Section> FindOrMakeSectionAsync(Plan plan, string sectionTitle, CancellationToken ct)
    {
        var title = sectionTitle.Trim();
        var sections = await db.Sections.Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        if (sections.FirstOrDefault(s => Same(s.Title, title)) is { } found)
            return found;
        var order = await db.Sections.IgnoreQueryFilters().Where(s => s.PlanId == plan.Id).MaxAsync(s => (int?)s.Order, ct) ?? 0;
        var section = new Section { PlanId = plan.Id, Title = title, Order = order + 1 };
        db.Sections.Add(section);
        db.Summarise(section, $"Section '{title}' added");
        return section;
    }

    private async Task<Objective> FindOrMakeObjectiveAsync(Plan plan, string sectionTitle, string aim, CancellationToken ct)
    {
        var section = await FindOrMakeSectionAsync(plan, sectionTitle, ct);
        if (db.Entry(section).State != EntityState.Added)
        {
            var objectives = await db.Objectives.Where(o => o.SectionId == section.Id).ToListAsync(ct);
            if (objectives.FirstOrDefault(o => Same(o.Aim, aim)) is { } found)
            {
                found.Section = section;
                return found;
            }
        }

        var objective = await NewObjectiveAsync(section, aim, ct);
        db.Summarise(objective, $"Objective '{StructureRules.Quote(objective.Aim)}' added to section '{section.Title}'");
        return objective;
    }

    private async Task<Objective> NewObjectiveAsync(Section section, string aim, CancellationToken ct)
    {
        var order = db.Entry(section).State == EntityState.Added
            ? 0
            : await db.Objectives.IgnoreQueryFilters().Where(o => o.SectionId == section.Id).MaxAsync(o => (int?)o.Order, ct) ?? 0;
        var objective = new Objective { SectionId = section.Id, Section = section, Aim = aim.Trim(), Order = order + 1 };
        db.Objectives.Add(objective);
        return objective;
    }

    private static bool Same(string a, string b) => StructureRules.RefKey(a) == StructureRules.RefKey(b);

    /// <summary>The leads by id (the pages) plus those named (the API): names matched as the importer matches "Who?", new people made for the rest.</summary>
    private async Task<List<PlanPerson>> LeadsAsync(Plan plan, ActionChanges fields, IReadOnlyCollection<string>? names, CancellationToken ct)
    {
        var people = await db.People.Where(p => p.PlanId == plan.Id).ToListAsync(ct);
        var leads = people.Where(p => fields.LeadIds.Contains(p.Id)).ToList();
        foreach (var name in (names ?? []).Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var matched = LeadMatcher.Match(name, people);
            if (matched.Count == 0)
            {
                var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
                var person = new PlanPerson { PlanId = plan.Id, Name = name, Initials = initials.Length > FieldLengths.PersonInitials ? initials[..FieldLengths.PersonInitials] : initials };
                db.People.Add(person);
                db.Summarise(person, $"{name} added to the plan's people");
                people.Add(person);
                matched = [person];
            }

            leads.AddRange(matched.Where(m => !leads.Contains(m)));
        }

        return leads;
    }

    /// <summary>The sentences for an action's lead links added or taken away in this save.</summary>
    private void DescribeLeads(PlanAction action)
    {
        var names = action.Leads.ToDictionary(p => p.Id, p => p.Name);
        foreach (var link in db.ChangeTracker.Entries().Where(e => e.Metadata.ShortName() == "ActionLeads" && e.State is EntityState.Added or EntityState.Deleted))
        {
            var personId = (Guid)link.Property("LeadsId").CurrentValue!;
            var name = names.GetValueOrDefault(personId) ?? db.People.Local.FirstOrDefault(p => p.Id == personId)?.Name ?? "A person";
            db.Summarise(link.Entity, link.State == EntityState.Added
                ? $"{name} now leads {InSentence(ActionName(action))}"
                : $"{name} no longer leads {InSentence(ActionName(action))}");
        }
    }

    private void DescribeSources(Objective objective)
    {
        var titles = db.Sources.Local.ToDictionary(s => s.Id, s => s.Title);
        foreach (var link in db.ChangeTracker.Entries().Where(e => e.Metadata.ShortName() == "ObjectiveSources" && e.State is EntityState.Added or EntityState.Deleted))
        {
            var title = titles.GetValueOrDefault((Guid)link.Property("SourcesId").CurrentValue!) ?? "A source";
            db.Summarise(link.Entity, link.State == EntityState.Added
                ? $"Source '{title}' added to objective '{StructureRules.Quote(objective.Aim)}'"
                : $"Source '{title}' taken off objective '{StructureRules.Quote(objective.Aim)}'");
        }
    }

    private async Task<List<Source>> SourcesAsync(Guid organisationId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Sources.Where(s => s.OrganisationId == organisationId && ids.Contains(s.Id)).ToListAsync(ct);

    private async Task<int> NextActionOrderAsync(Guid planId, CancellationToken ct) =>
        (await db.Actions.IgnoreQueryFilters().Where(a => a.PlanId == planId).MaxAsync(a => (int?)a.Order, ct) ?? 0) + 1;

    private async Task<StructureResult?> RefClashAsync(Guid planId, IReadOnlyList<PlanAction> restoring, CancellationToken ct)
    {
        if (restoring.Count == 0)
            return null;
        var live = (await db.Actions.Where(a => a.PlanId == planId).Select(a => a.Ref).ToListAsync(ct)).Select(StructureRules.RefKey).ToHashSet();
        var clash = restoring.FirstOrDefault(a => a.Ref.Trim().Length > 0 && live.Contains(StructureRules.RefKey(a.Ref)));
        return clash is null
            ? null
            : new StructureResult.Refused($"Ref {clash.Ref.Trim()} is now used by another action in this plan. Change that action's ref, then restore this again");
    }

    /// <summary>
    /// When a removal happens, and who makes it. The instant is what ties together what is removed at once, so it is
    /// after every earlier removal in the plan, even when the clock has not moved on (or a server's clock is behind).
    /// </summary>
    private async Task<(DateTime Now, string By)> RemovalAsync(Guid planId, CancellationToken ct)
    {
        // Whole milliseconds, which every provider stores exactly, so what was removed together is found again by its instant.
        var clockNow = clock.GetUtcNow().UtcDateTime;
        var now = new DateTime(clockNow.Ticks - (clockNow.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        DateTime?[] latest =
        [
            await db.Sections.IgnoreQueryFilters().Where(s => s.PlanId == planId).MaxAsync(s => s.RemovedAtUtc, ct),
            await db.Objectives.IgnoreQueryFilters().Where(o => o.Section!.PlanId == planId).MaxAsync(o => o.RemovedAtUtc, ct),
            await db.Actions.IgnoreQueryFilters().Where(a => a.PlanId == planId).MaxAsync(a => a.RemovedAtUtc, ct),
        ];
        if (latest.Max() is { } last && last >= now)
            now = DateTime.SpecifyKind(last.AddMilliseconds(1), DateTimeKind.Utc);
        return (now, actor.Name);
    }

    private static void MarkRemoved(Section section, DateTime now, string by)
    {
        section.RemovedAtUtc = now;
        section.RemovedBy = by;
        section.Version++;
    }

    private static void MarkRemoved(Objective objective, DateTime now, string by)
    {
        objective.RemovedAtUtc = now;
        objective.RemovedBy = by;
        objective.Version++;
    }

    private static void MarkRemoved(PlanAction action, DateTime now, string by)
    {
        action.RemovedAtUtc = now;
        action.RemovedBy = by;
        action.Version++;
    }

    private static void Restore(Section section)
    {
        section.RemovedAtUtc = null;
        section.RemovedBy = null;
        section.Version++;
    }

    private static void Restore(Objective objective)
    {
        objective.RemovedAtUtc = null;
        objective.RemovedBy = null;
        objective.Version++;
    }

    private static void Restore(PlanAction action)
    {
        action.RemovedAtUtc = null;
        action.RemovedBy = null;
        action.Version++;
    }

    /// <summary>How the trail and the pages name an action: "Action 12", or by its words when it has no ref.</summary>
    public static string ActionName(PlanAction action) => ActionName(action.Ref, action.DoesWhat);

    /// <summary>A name for the middle of a sentence: "action 12".</summary>
    public static string InSentence(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public static string ActionName(string reference, string doesWhat) =>
        reference.Trim().Length > 0 ? $"Action {reference.Trim()}" : $"Action '{StructureRules.Quote(doesWhat, 60)}'";

    private async Task<StructureResult> SaveAsync(Guid id, Func<int> version, string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new StructureResult.Stale("Someone else changed this part of the plan at the same moment. Nothing was saved: check it and try again");
        }

        return new StructureResult.Done(id, version(), message);
    }

    private async Task<Plan?> OpenPlanAsync(Guid planId, Guid organisationId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId && p.Status == PlanStatus.Open && p.ArchivedAtUtc == null, ct);

    private async Task<StructureResult> WhyNotAsync(Guid planId, Guid organisationId, CancellationToken ct) =>
        await db.Plans.VisibleTo(organisationId).AnyAsync(p => p.Id == planId, ct) ? Closed : NotFound;

    private async Task<(Section?, Plan?, StructureResult?)> SectionAsync(Guid sectionId, Guid organisationId, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == sectionId, ct);
        if (section is null)
            return (null, null, NotFound);
        var plan = await OpenPlanAsync(section.PlanId, organisationId, ct);
        return plan is null ? (null, null, await WhyNotAsync(section.PlanId, organisationId, ct)) : (section, plan, null);
    }

    private async Task<(Objective?, Plan?, StructureResult?)> ObjectiveAsync(Guid objectiveId, Guid organisationId, CancellationToken ct)
    {
        var objective = await db.Objectives.Include(o => o.Section).FirstOrDefaultAsync(o => o.Id == objectiveId, ct);
        if (objective?.Section is null)
            return (null, null, NotFound);
        var plan = await OpenPlanAsync(objective.Section.PlanId, organisationId, ct);
        return plan is null ? (null, null, await WhyNotAsync(objective.Section.PlanId, organisationId, ct)) : (objective, plan, null);
    }

    private async Task<(PlanAction?, Plan?, StructureResult?)> ActionAsync(Guid actionId, Guid organisationId, CancellationToken ct)
    {
        var action = await db.Actions.Include(a => a.Leads).FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null)
            return (null, null, NotFound);
        var plan = await OpenPlanAsync(action.PlanId, organisationId, ct);
        return plan is null ? (null, null, await WhyNotAsync(action.PlanId, organisationId, ct)) : (action, plan, null);
    }
}
