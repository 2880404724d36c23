using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>The plan's actions as a table, filtered in the database so a 1,000-action plan costs one query.</summary>
public sealed class ActionQueries(ServicePlanDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<IReadOnlyList<ActionRow>> ListAsync(Guid planId, ActionFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        var query = db.Actions.AsNoTracking().Where(a => a.PlanId == planId);

        if (filter.SectionId is { } sectionId)
            query = query.Where(a => a.Objective!.SectionId == sectionId);
        if (filter.LeadId is { } leadId)
            query = query.Where(a => a.Leads.Any(p => p.Id == leadId));
        if (filter.SourceId is { } sourceId)
            query = query.Where(a => a.Objective!.Sources.Any(s => s.Id == sourceId));

        var rows = query.Select(a => new
        {
            Action = a,
            a.Objective!.Section!.Title,
            SectionOrder = a.Objective.Section.Order,
            ObjectiveOrder = a.Objective.Order,
            a.Objective.Aim,
            a.Objective.SectionId,
            Latest = a.Updates
                .OrderByDescending(u => u.RecordedAtUtc).ThenByDescending(u => u.Id)
                .Select(u => new { u.Rating, u.Comment, u.IsExempt, u.ExemptParagraph, u.RecordedAtUtc })
                .FirstOrDefault(),
        });

        if (filter.Rating is { } rating)
        {
            rows = rating == Rating.None
                ? rows.Where(r => r.Latest == null || r.Latest.Rating == Rating.None)
                : rows.Where(r => r.Latest != null && r.Latest.Rating == rating);
        }

        if (filter.OverdueOnly)
        {
            // DueDate.IsOverdue in SQL: recurring, ongoing and complete actions have no DueOn, so they are never overdue.
            rows = rows.Where(r => r.Action.DueOn != null && r.Action.DueOn < today && (r.Latest == null || r.Latest.Rating != Rating.Blue));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var searchExempt = filter.SearchExempt;
            foreach (var word in filter.Search.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))
            {
                rows = rows.Where(r =>
                    r.Aim.ToLower().Contains(word) ||
                    ((searchExempt || !r.Action.IsExempt) && (
                        r.Action.DoesWhat.ToLower().Contains(word) ||
                        r.Action.LeadsText.ToLower().Contains(word) ||
                        r.Action.DueText.ToLower().Contains(word) ||
                        r.Action.Measure.ToLower().Contains(word) ||
                        r.Action.ChildrenExperience.ToLower().Contains(word) ||
                        (r.Latest != null && (searchExempt || !r.Latest.IsExempt) && r.Latest.Comment.ToLower().Contains(word)))) ||
                    r.Action.Ref.ToLower() == word);
            }
        }

        var list = await rows
            .OrderBy(r => r.SectionOrder).ThenBy(r => r.ObjectiveOrder).ThenBy(r => r.Action.Order)
            .Select(r => new ActionRow(
                r.Action.Id,
                r.Action.Ref,
                r.SectionId,
                r.Title,
                r.Action.ObjectiveId,
                r.Aim,
                r.Action.LeadsText,
                r.Action.DoesWhat,
                r.Action.DueText,
                r.Action.DueKind,
                r.Action.DueOn,
                r.Action.Measure,
                r.Action.ChildrenExperience,
                r.Action.RetainedForOversight,
                r.Action.IsExempt,
                r.Latest == null ? Rating.None : r.Latest.Rating,
                r.Latest == null ? null : r.Latest.Comment,
                r.Latest != null && r.Latest.IsExempt,
                r.Latest == null ? null : r.Latest.RecordedAtUtc,
                false,
                r.Action.ExemptParagraph,
                r.Latest == null ? null : r.Latest.ExemptParagraph))
            .ToListAsync(ct);

        return list.Select(r => r with { IsOverdue = DueDate.IsOverdue(r.DueKind, r.DueOn, today, r.Rating == Rating.Blue) }).ToList();
    }
}
