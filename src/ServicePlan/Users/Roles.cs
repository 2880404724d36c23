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

    /// <summary>
    /// What people call the role, on every page and in the command line's output: "Administrator", "Plan owner",
    /// "Lead", "Viewer". The constants above stay what is stored, so accounts and API keys made before keep working.
    /// </summary>
    public static string DisplayName(string role) => role switch
    {
        Admin => "Administrator",
        PlanOwner => "Plan owner",
        Lead => "Lead",
        Viewer => "Viewer",
        _ => role,
    };

    /// <summary>
    /// The stored role for what someone typed: the stored name ("PlanOwner") or what people call it ("Plan owner"),
    /// in any case and spacing; null for anything else.
    /// </summary>
    public static string? Parse(string? text)
    {
        var typed = Squash(text);
        return typed.Length == 0 ? null : All.FirstOrDefault(role => Squash(role) == typed || Squash(DisplayName(role)) == typed);
    }

    /// <summary>The roles as people call them, for messages listing what may be typed: "Administrator, Plan owner, Lead, Viewer".</summary>
    public static string DisplayNames => string.Join(", ", All.Select(DisplayName));

    private static string Squash(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Owners and admins may update any action; a lead only those they lead; a viewer none.</summary>
    public static bool MayAddProgress(IEnumerable<string> userRoles, bool leadsTheAction)
    {
        var roles = userRoles.ToHashSet(StringComparer.Ordinal);
        return roles.Contains(Admin) || roles.Contains(PlanOwner) || (roles.Contains(Lead) && leadsTheAction);
    }
}
