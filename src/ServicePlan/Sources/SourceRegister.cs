using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Sources;

public sealed record SourceRow(Guid Id, SourceKind Kind, string Title, DateOnly? Date, string? Reference, int Objectives);

public sealed record AnsweringAction(Guid Id, string Ref, string DoesWhat, string LeadsText, Rating Rating, bool IsExempt, bool RetainedForOversight);

public sealed record AnsweringObjective(Guid Id, string Aim, string Section, IReadOnlyList<AnsweringAction> Actions);

public sealed record AnsweringPlan(Guid Id, string Title, FinancialYear Period, PlanStatus Status, IReadOnlyList<AnsweringObjective> Objectives);

/// <summary>A source and everything that answers it, across every plan the organisation has had: the inspector's view.</summary>
public sealed record SourceAnswers(Source Source, IReadOnlyList<AnsweringPlan> Plans)
{
    public int ActionCount => Plans.Sum(p => p.Objectives.Sum(o => o.Actions.Count));
}

public abstract record SourceSaveResult
{
    public sealed record Saved : SourceSaveResult;
    public sealed record NotFound : SourceSaveResult;

    /// <summary>Someone saved the source after this form was opened: nothing was written. <see cref="Current"/> is what they saved.</summary>
    public sealed record Conflict(Source Current, IReadOnlyList<string> ChangedFields) : SourceSaveResult;
}

public abstract record MergeResult
{
    public sealed record Merged(Source Kept, int Count, int LinksMoved) : MergeResult;

    /// <summary>A source is not this organisation's, or is gone (someone else merged it first).</summary>
    public sealed record NotFound : MergeResult;
}

/// <summary>The organisation's register of sources: list, look up, add, edit, merge duplicates, and what answers each.</summary>
public sealed class SourceRegister(ServicePlanDbContext db)
{
    public async Task<IReadOnlyList<SourceRow>> ListAsync(Guid organisationId, SourceKind? kind, CancellationToken ct = default)
    {
        var sources = db.Sources.AsNoTracking().Where(s => s.OrganisationId == organisationId);
        if (kind is { } k)
            sources = sources.Where(s => s.Kind == k);

        // The count is a correlated subquery: one query for the whole register.
        return await sources
            .OrderBy(s => s.Title)
            .Select(s => new SourceRow(s.Id, s.Kind, s.Title, s.Date, s.Reference, db.Objectives.Count(o => o.Sources.Any(x => x.Id == s.Id))))
            .ToListAsync(ct);
    }

    /// <summary>Null when there is no such source in the organisation: callers answer 404.</summary>
    public Task<Source?> FindAsync(Guid sourceId, Guid organisationId, CancellationToken ct = default) =>
        db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId && s.OrganisationId == organisationId, ct);

    /// <summary>
    /// Every objective linked to the source and every action under them, in all the organisation's plans, open or
    /// closed, newest plan first, each action with its current rating. Three queries however many plans there are.
    /// </summary>
    public async Task<SourceAnswers?> AnswersAsync(Guid sourceId, Guid organisationId, CancellationToken ct = default)
    {
        var source = await FindAsync(sourceId, organisationId, ct);
        if (source is null)
            return null;

        var plans = await db.Plans.AsNoTracking().VisibleTo(organisationId)
            .Where(p => p.Sections.Any(s => s.Objectives.Any(o => o.Sources.Any(x => x.Id == sourceId))))
            .OrderByDescending(p => p.Period).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Period, p.Status })
            .ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();

        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => o.Sources.Any(x => x.Id == sourceId) && planIds.Contains(o.Section!.PlanId))
            .OrderBy(o => o.Section!.Order).ThenBy(o => o.Order)
            .Select(o => new { o.Id, o.Aim, Section = o.Section!.Title, o.Section.PlanId })
            .ToListAsync(ct);

        var actions = (await db.Actions.AsNoTracking()
                .Where(a => a.Objective!.Sources.Any(x => x.Id == sourceId) && planIds.Contains(a.PlanId))
                .OrderBy(a => a.Order)
                .WithCurrentRating()
                .Select(r => new
                {
                    r.Action.ObjectiveId,
                    Row = new AnsweringAction(
                        r.Action.Id,
                        r.Action.Ref,
                        r.Action.DoesWhat,
                        r.Action.LeadsText,
                        r.Rating,
                        r.Action.IsExempt,
                        r.Action.RetainedForOversight),
                })
                .ToListAsync(ct))
            .ToLookup(a => a.ObjectiveId, a => a.Row);

        var byPlan = objectives.ToLookup(o => o.PlanId);
        return new SourceAnswers(source, plans.Select(p => new AnsweringPlan(
            p.Id,
            p.Title,
            p.Period,
            p.Status,
            byPlan[p.Id].Select(o => new AnsweringObjective(o.Id, o.Aim, o.Section, actions[o.Id].ToList())).ToList())).ToList());
    }

    public async Task<Source> AddAsync(Guid organisationId, SourceKind kind, string title, DateOnly? date, string? reference, string? recommendation, CancellationToken ct = default)
    {
        var source = new Source { OrganisationId = organisationId, Title = title };
        Apply(source, kind, title, date, reference, recommendation);
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        return source;
    }

    /// <summary>
    /// Saves corrections to a source's details, refused (nothing written) when its version moved since
    /// <paramref name="version"/> was read: two people correcting one source never silently overwrite each other.
    /// </summary>
    public async Task<SourceSaveResult> UpdateAsync(Guid sourceId, Guid organisationId, int version, SourceKind kind, string title, DateOnly? date, string? reference, string? recommendation, CancellationToken ct = default)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId && s.OrganisationId == organisationId, ct);
        if (source is null)
            return new SourceSaveResult.NotFound();
        var mine = new Source { Title = title, Kind = kind };
        Apply(mine, kind, title, date, reference, recommendation);
        if (source.Version != version)
            return Conflict(source, mine);

        Apply(source, kind, title, date, reference, recommendation);
        source.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and our write: show what it wrote.
            db.ChangeTracker.Clear();
            return await FindAsync(sourceId, organisationId, ct) is { } current ? Conflict(current, mine) : new SourceSaveResult.NotFound();
        }

        return new SourceSaveResult.Saved();
    }

    private static SourceSaveResult.Conflict Conflict(Source current, Source mine)
    {
        var changed = new List<string>();
        if (current.Kind != mine.Kind)
            changed.Add("Kind of source");
        if (current.Title != mine.Title)
            changed.Add("Title");
        if (current.Date != mine.Date)
            changed.Add("Date");
        if (current.Reference != mine.Reference)
            changed.Add("Reference");
        if (current.Recommendation != mine.Recommendation)
            changed.Add("Recommendation");
        return new SourceSaveResult.Conflict(current, changed);
    }

    private static void Apply(Source source, SourceKind kind, string title, DateOnly? date, string? reference, string? recommendation)
    {
        source.Kind = kind;
        source.Title = title.Trim();
        source.Date = date;
        source.Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();

        // Only inspectors and auditors make recommendations; a stray one under "Staff" would read as if they had.
        source.Recommendation = SourceKinds.HasRecommendation(kind) && !string.IsNullOrWhiteSpace(recommendation) ? recommendation.Trim() : null;
    }

    /// <summary>
    /// Makes duplicates one source: every objective linked to a duplicate is linked to the kept source instead (once,
    /// even if it named both), details only a duplicate had are kept, and the duplicates are deleted. All or nothing.
    /// </summary>
    public async Task<MergeResult> MergeAsync(Guid organisationId, Guid keepId, IReadOnlyCollection<Guid> duplicateIds, CancellationToken ct = default)
    {
        var ids = duplicateIds.Where(id => id != keepId).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sources = await db.Sources.Where(s => s.OrganisationId == organisationId && (s.Id == keepId || ids.Contains(s.Id))).ToListAsync(ct);
        var kept = sources.FirstOrDefault(s => s.Id == keepId);
        var duplicates = sources.Where(s => s.Id != keepId).ToList();
        if (kept is null || ids.Count == 0 || duplicates.Count != ids.Count)
            return new MergeResult.NotFound();

        // Removed objectives too: restored, they must still name their sources.
        var objectives = await db.Objectives.IgnoreQueryFilters().Include(o => o.Sources).Where(o => o.Sources.Any(s => ids.Contains(s.Id))).ToListAsync(ct);
        var moved = 0;
        foreach (var objective in objectives)
        {
            objective.Sources.RemoveAll(s => ids.Contains(s.Id));
            if (!objective.Sources.Any(s => s.Id == keepId))
            {
                objective.Sources.Add(kept);
                moved++;
            }
        }

        SourceMerge.FillFrom(kept, duplicates);
        // The kept source's details may have changed: a form opened on it before the merge must not overwrite them.
        kept.Version++;
        db.Sources.RemoveRange(duplicates);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new MergeResult.Merged(kept, duplicates.Count, moved);
    }
}
