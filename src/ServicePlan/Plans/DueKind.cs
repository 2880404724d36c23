namespace ServicePlan.Plans;

public enum DueKind
{
    None,
    Date,
    Milestones,
    Range,
    Recurring,
    Continuous,
    Complete,
    NotApplicable,
    NotADate,
}
