namespace ServicePlan.Plans;

/// <summary>
/// The one rule of who sees which plans: a user sees only their own organisation's. Every lookup of a plan by id goes
/// through this, so the rule cannot be forgotten in one place. A null organisation means any (the command-line tool,
/// which acts with the database's own rights).
/// </summary>
public static class PlanScope
{
    public static IQueryable<Plan> VisibleTo(this IQueryable<Plan> plans, Guid? organisationId) =>
        organisationId is { } id ? plans.Where(p => p.OrganisationId == id) : plans;
}
