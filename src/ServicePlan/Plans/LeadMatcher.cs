namespace ServicePlan.Plans;

/// <summary>Finds the plan's people named by a "Who?" cell, which real plans write loosely: "HOS", "hos &amp; management team", "HS/AM/ SaC".</summary>
public static class LeadMatcher
{
    /// <summary>What joins several leads in one "Who?" cell.</summary>
    public static readonly string[] Separators = ["&", ",", "/", ";", "+", " and "];

    public static IReadOnlyList<PlanPerson> Match(string? whoText, IEnumerable<PlanPerson> people)
    {
        var candidates = people.ToList();
        if (string.IsNullOrWhiteSpace(whoText) || candidates.Count == 0)
            return [];

        // A team's own name can contain a separator ("CSC & EH Management Team"), so try the whole text first.
        var whole = candidates.Where(p => Names(p, whoText)).ToList();
        if (whole.Count > 0)
            return whole;

        var parts = whoText.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return candidates.Where(p => parts.Any(part => Names(p, part))).ToList();
    }

    private static bool Names(PlanPerson person, string text)
    {
        var wanted = Normalise(text);
        return wanted.Length > 0 &&
            (Normalise(person.Initials) == wanted || Normalise(person.Name) == wanted || Normalise(person.Role) == wanted);
    }

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .TrimEnd('.', ':')
            .ToUpperInvariant();
}
