using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Plans;

/// <summary>What the owner may change on an action. <see cref="Version"/> is the version the form was opened at.</summary>
public sealed record ActionChanges(
    int Version,
    string Ref,
    string LeadsText,
    IReadOnlyCollection<Guid> LeadIds,
    string DoesWhat,
    string DueText,
    string Measure,
    string ChildrenExperience,
    bool RetainedForOversight,
    bool IsExempt,
    string? ExemptParagraph);

public abstract record EditResult
{
    public sealed record Saved(int NewVersion) : EditResult;
    public sealed record NotFound : EditResult;
    public sealed record PlanClosed : EditResult;

    /// <summary>A field the save cannot take as it is, like "Does what?" left empty or an impossible date in "By when?".</summary>
    public sealed record Refused(PlanColumn Column, string Message) : EditResult;

    /// <summary>The ref is missing or another action of the plan has it: nothing was written. <see cref="Message"/> says which.</summary>
    public sealed record RefProblem(string Message) : EditResult;

    /// <summary>Someone saved the action after this form was opened: nothing was written. <see cref="Current"/> is what they saved.</summary>
    public sealed record Conflict(PlanAction Current, IReadOnlyList<string> ChangedFields) : EditResult;
}

/// <summary>
/// Saves an owner's edits to an action. Two people editing the same action never silently overwrite each other:
/// the save is refused when the action's version moved since the form was opened.
/// </summary>
public sealed class ActionEditing(ServicePlanDbContext db)
{
    public async Task<EditResult> SaveAsync(Guid actionId, Guid organisationId, ActionChanges changes, CancellationToken ct = default)
    {
        var action = await db.Actions.Include(a => a.Leads).FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null)
            return new EditResult.NotFound();
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == action.PlanId, ct);
        if (plan is null)
            return new EditResult.NotFound();
        if (plan.IsReadOnly)
            return new EditResult.PlanClosed();
        if (action.Version != changes.Version)
            return Conflict(action, changes);
        if (string.IsNullOrWhiteSpace(changes.DoesWhat))
            return new EditResult.Refused(PlanColumn.DoesWhat, "Enter what is done");
        if (DueDate.ProblemWhenTyped(changes.DueText) is { } notADate)
            return new EditResult.Refused(PlanColumn.ByWhen, notADate);

        var otherRefs = await db.Actions.Where(a => a.PlanId == plan.Id && a.Id != actionId).Select(a => a.Ref).ToListAsync(ct);
        if (StructureRules.RefProblem(changes.Ref, otherRefs) is { } refProblem)
            return new EditResult.RefProblem(refProblem);

        var leads = await db.People.Where(p => p.PlanId == plan.Id && changes.LeadIds.Contains(p.Id)).ToListAsync(ct);
        Apply(action, changes, leads, plan.Period);
        action.Version++;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and our write: reload what it wrote and show it.
            db.ChangeTracker.Clear();
            var current = await db.Actions.AsNoTracking().Include(a => a.Leads).FirstAsync(a => a.Id == actionId, ct);
            return Conflict(current, changes);
        }

        return new EditResult.Saved(action.Version);
    }

    /// <summary>Writes the owner's fields onto an action, new or existing, as the edit and add pages and the API all do.</summary>
    public static void Apply(PlanAction action, ActionChanges changes, IEnumerable<PlanPerson> leads, FinancialYear planYear)
    {
        action.Ref = changes.Ref.Trim();
        action.LeadsText = changes.LeadsText.Trim();
        action.Leads.Clear();
        action.Leads.AddRange(leads);
        action.DoesWhat = changes.DoesWhat.Trim();
        action.SetDue(changes.DueText, planYear);
        action.Measure = changes.Measure.Trim();
        action.ChildrenExperience = changes.ChildrenExperience.Trim();
        action.RetainedForOversight = changes.RetainedForOversight;
        action.IsExempt = changes.IsExempt;
        action.ExemptParagraph = changes.IsExempt ? changes.ExemptParagraph?.Trim() : null;
    }

    private static EditResult.Conflict Conflict(PlanAction current, ActionChanges mine)
    {
        var changed = new List<string>();
        void Compare(string field, string theirs, string ours)
        {
            if (!string.Equals(theirs.Trim(), ours.Trim(), StringComparison.Ordinal))
                changed.Add(field);
        }

        Compare(PlanColumn.Ref.Name(), current.Ref, mine.Ref);
        Compare(PlanColumn.Who.Name(), current.LeadsText, mine.LeadsText);
        Compare(PlanColumn.DoesWhat.Name(), current.DoesWhat, mine.DoesWhat);
        Compare(PlanColumn.ByWhen.Name(), current.DueText, mine.DueText);
        Compare(PlanColumn.Measure.Name(), current.Measure, mine.Measure);
        Compare(PlanColumn.Experience.Name(), current.ChildrenExperience, mine.ChildrenExperience);
        if (current.RetainedForOversight != mine.RetainedForOversight)
            changed.Add("Retained for oversight");
        if (current.IsExempt != mine.IsExempt)
            changed.Add("Exempt");
        return new EditResult.Conflict(current, changed);
    }
}
