using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Privacy;

namespace ServicePlan.Plans;

/// <summary>Builds the plan table that exports and the report appendix are written from, from the same query as the action list.</summary>
public sealed class PlanTables(ServicePlanDbContext db, ActionQueries actions)
{
    /// <summary>
    /// Null when the plan does not exist (or, when an organisation is given, is not that organisation's).
    /// Exempt actions and exempt comments are left out unless asked for: an exported appendix may end up in a public paper.
    /// </summary>
    public async Task<PlanTable?> LoadAsync(Guid planId, Guid? organisationId, CancellationToken ct = default, bool includeExempt = false)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.People.OrderBy(person => person.Name))
            .VisibleTo(organisationId)
            .FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return null;

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct);
        var rows = (await actions.ListAsync(planId, new ActionFilter(), ct)).Where(r => includeExempt || !r.IsExempt).ToLookup(r => r.SectionId);

        var tableSections = sections.Select(section =>
        {
            var previousObjective = Guid.Empty;
            var tableRows = rows[section.Id].Select(row =>
            {
                // Only an objective's first action carries its aim, as in the council's own sheets.
                var why = row.ObjectiveId == previousObjective ? "" : row.Aim;
                previousObjective = row.ObjectiveId;
                return new PlanTableRow(row.Ref, why, row.LeadsText, row.DoesWhat, row.DueText, row.Measure, row.ChildrenExperience, row.Rating, Comment(row));
            }).ToList();
            return new PlanTableSection(section.Title, tableRows);
        }).ToList();

        string Comment(ActionRow row) => row.LatestCommentIsExempt && !includeExempt ? Schedule12A.WithheldComment : row.LatestComment ?? "";

        return new PlanTable(
            plan.Title, plan.Service, plan.Period, plan.Owner, plan.MonitoringBoard, plan.RelevantStrategies, plan.ReviewFrequency,
            plan.Aims, plan.CreatedWithIdeasFrom, plan.ImplementationDate, plan.ReviewDate,
            plan.People.Select(p => new PlanTablePerson(p.Name, p.Initials, p.Role)).ToList(),
            tableSections);
    }
}
