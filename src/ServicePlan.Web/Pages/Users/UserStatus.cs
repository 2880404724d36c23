using ServicePlan.Dates;

namespace ServicePlan.Web.Pages.Users;

/// <summary>An account's status in the users' words, for the list and the account's page.</summary>
public static class UserStatus
{
    public static string Text(UserSummary user) =>
        user.Deactivated ? "Deactivated"
        : user.LockedUntilUtc is { } until ? $"Locked until {UkTime.Format(until)}"
        : !user.HasPassword ? "Invited: no password chosen yet"
        : "Active";
}
