using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Privacy;
using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>Builds the plan table that exports and the report appendix are written from, from the same query as the action list.</summary>
public sealed class PlanTables(ServicePlanDbContext db, ActionQueries actions)
{
    /// <summary>
    /// Null when the plan does not exist (or, when an organisation is given, is not that organisation's). An exempt
    /// action or comment the readers may not see keeps its place, saying it is withheld, so a committee can see that
    /// something was left out and where; one they may see is marked with its Schedule 12A paragraph.
    /// </summary>
    public Task<PlanTable?> LoadAsync(Guid planId, Guid? organisationId, PlanReaders readers, CancellationToken ct = default) =>
        LoadAsync(planId, organisationId, readers, new ActionFilter(), ActionSort.PlanOrder, ct);

    /// <summary>
    /// The table of the actions a filtered, sorted action list shows, in its order ("export what I see"). In the plan's
    /// order the rows stay under their sections, and a filter leaves out sections with nothing to show; in any other
    /// order each run of rows from one section is a section of its own, so every row still says where it belongs.
    /// </summary>
    public async Task<PlanTable?> LoadAsync(Guid planId, Guid? organisationId, PlanReaders readers, ActionFilter filter, ActionSort sort, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(readers);
        var seeExempt = readers.SeeExempt && !readers.IsPublic;
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.People.OrderBy(person => person.Name))
            .VisibleTo(organisationId)
            .FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return null;

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct);
        // A search must not find an action by words these readers are shown as withheld.
        var all = ActionSorting.Sort(await actions.ListAsync(planId, filter with { SearchExempt = seeExempt }, ct), sort);
        var groups = sort.IsPlanOrder
            ? sections.Select(section => (section.Title, Rows: all.Where(r => r.SectionId == section.Id).ToList()))
                .Where(group => filter.IsEmpty || group.Rows.Count > 0)
            : Runs(all).Select(run => (Title: run[0].SectionTitle, Rows: run));

        var tableSections = groups.Select(group =>
        {
            var previousObjective = Guid.Empty;
            var tableRows = group.Rows.Select(row =>
            {
                // Only an objective's first action carries its aim, as in the council's own sheets.
                var why = row.ObjectiveId == previousObjective ? "" : row.Aim;
                previousObjective = row.ObjectiveId;
                if (row.IsExempt && !seeExempt)
                    return new PlanTableRow(row.Ref, why, "", Schedule12A.WithheldAction, "", "", "", Rating.None, "");
                var doesWhat = row.IsExempt ? $"{Schedule12A.Marker(row.ExemptParagraph)}: {row.DoesWhat}" : row.DoesWhat;
                return new PlanTableRow(row.Ref, why, row.LeadsText, doesWhat, row.DueText, row.Measure, row.ChildrenExperience, row.Rating, Comment(row));
            }).ToList();
            return new PlanTableSection(group.Title, tableRows);
        }).ToList();

        static IEnumerable<List<ActionRow>> Runs(IReadOnlyList<ActionRow> rows)
        {
            var run = new List<ActionRow>();
            foreach (var row in rows)
            {
                if (run.Count > 0 && run[^1].SectionId != row.SectionId)
                {
                    yield return run;
                    run = [];
                }

                run.Add(row);
            }

            if (run.Count > 0)
                yield return run;
        }

        string Comment(ActionRow row) => !row.LatestCommentIsExempt ? row.LatestComment ?? ""
            : seeExempt ? $"{Schedule12A.Marker(row.LatestCommentExemptParagraph)}: {row.LatestComment}"
            : Schedule12A.WithheldComment;

        return new PlanTable(
            PlanHeader.Of(plan),
            plan.People.Select(p => new PlanTablePerson(p.Name, p.Initials, p.Role)).ToList(),
            tableSections)
        {
            IsPublic = readers.IsPublic,
            ExemptParagraphs = seeExempt
                ? all.Where(r => r.IsExempt).Select(r => r.ExemptParagraph)
                    .Concat(all.Where(r => r.LatestCommentIsExempt).Select(r => r.LatestCommentExemptParagraph))
                    .Select(p => p ?? "").Distinct().ToList()
                : [],
        };
    }
}
