namespace ServicePlan.Users;

/// <summary>The four roles of ServicePlan, strongest first.</summary>
public static class Roles
{
    /// <summary>Manages users; everything a plan owner can do.</summary>
    public const string Admin = "Admin";

    /// <summary>The Head of Service: writes and edits the plan, runs reviews, writes reports.</summary>
    public const string PlanOwner = "PlanOwner";

    /// <summary>A team manager or lead: updates progress and rating of the actions they lead.</summary>
    public const string Lead = "Lead";

    /// <summary>Board and committee members, officers: read only.</summary>
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, PlanOwner, Lead, Viewer];

    /// <summary>Roles that may change the plan itself (its header, sections, objectives and actions).</summary>
    public const string PlanEditors = Admin + "," + PlanOwner;

    /// <summary>Roles that may add progress updates (a Lead only on their own actions).</summary>
    public const string ProgressWriters = Admin + "," + PlanOwner + "," + Lead;

    /// <summary>
    /// Officers (admins, owners, leads) see exempt content, marked; viewers, who are committee members, see it only where
    /// the organisation sends its committee exempt papers.
    /// </summary>
    public static bool MaySeeExempt(IEnumerable<string> userRoles, bool committeeReceivesExemptPapers)
    {
        var roles = userRoles.ToHashSet(StringComparer.Ordinal);
        return roles.Contains(Admin) || roles.Contains(PlanOwner) || roles.Contains(Lead) || (roles.Contains(Viewer) && committeeReceivesExemptPapers);
    }

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Owners and admins may update any action; a lead only those they lead; a viewer none.</summary>
    public static bool MayAddProgress(IEnumerable<string> userRoles, bool leadsTheAction)
    {
        var roles = userRoles.ToHashSet(StringComparer.Ordinal);
        return roles.Contains(Admin) || roles.Contains(PlanOwner) || (roles.Contains(Lead) && leadsTheAction);
    }
}
