using ServicePlan.People;

namespace ServicePlan.Plans;

/// <summary>Finds the plan's people named by a "Who?" cell, which real plans write loosely: "HOS", "hos &amp; management team", "HS/AM/ SaC".</summary>
public static class LeadMatcher
{
    /// <summary>What joins several leads in one "Who?" cell.</summary>
    public static readonly string[] Separators = PersonNames.Separators;

    public static IReadOnlyList<PlanPerson> Match(string? whoText, IEnumerable<PlanPerson> people)
    {
        var candidates = people.ToList();
        if (string.IsNullOrWhiteSpace(whoText) || candidates.Count == 0)
            return [];

        // A team's own name can contain a separator ("CSC & EH Management Team"), so try the whole text first.
        var whole = Exactly(whoText, candidates);
        if (whole.Count > 0)
            return whole;

        var parts = whoText.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return candidates.Where(p => parts.Any(part => Exactly(part, candidates).Contains(p))).ToList();
    }

    /// <summary>Those the text names by initials, name or role first; only when nobody is, those it names more loosely (a name's initials, a team's name's end).</summary>
    private static List<PlanPerson> Exactly(string text, List<PlanPerson> people)
    {
        var key = PersonNames.Key(PersonNames.SplitBracketed(text).Name);
        var exact = people.Where(p => key.Length > 0 && (PersonNames.Key(p.Initials) == key || PersonNames.Key(p.Name) == key || PersonNames.Key(p.Role) == key)).ToList();
        return exact.Count > 0 ? exact : people.Where(p => PersonNames.Names(text, p.Name, p.Initials, p.Role)).ToList();
    }
}
