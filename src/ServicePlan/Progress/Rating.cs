namespace ServicePlan.Progress;

// The numbers are stored, so they must never be renumbered. None is 0 so that an
// unrated action (a blank or colour-only cell in a real sheet) is the default.
public enum Rating
{
    None = 0,
    Blue = 1,
    Green = 2,
    Amber = 3,
    Red = 4,
}
