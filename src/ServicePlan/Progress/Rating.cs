namespace ServicePlan.Progress;

// Stored by name (see ServicePlanDbContext.ConfigureConventions), so a member must never be renamed without
// migrating the rows that hold it. None is 0 so that an unrated action (a blank or colour-only cell in a real sheet)
// is the default.
public enum Rating
{
    None = 0,
    Blue = 1,
    Green = 2,
    Amber = 3,
    Red = 4,
}
