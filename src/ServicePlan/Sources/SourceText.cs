using System.Text.RegularExpressions;

namespace ServicePlan.Sources;

/// <summary>
/// Councils write an objective's sources in brackets at the end of its aim: "… thresholds (QA Annual Report)",
/// "… CIN process (Action for children)". Only brackets that name a kind of source count, so "(newly permanent)" stays text.
/// </summary>
public static partial class SourceText
{
    private static readonly (string Word, SourceKind Kind)[] Clues =
    [
        ("serious case review", SourceKind.SeriousCaseReview),
        ("safeguarding practice review", SourceKind.SeriousCaseReview),
        ("scr", SourceKind.SeriousCaseReview),
        ("ofsted", SourceKind.OfstedRecommendation),
        ("ilacs", SourceKind.Inspection),
        ("inspection", SourceKind.Inspection),
        ("jtai", SourceKind.Inspection),
        ("audit", SourceKind.Audit),
        ("qa", SourceKind.Audit),
        ("self-assessment", SourceKind.Audit),
        ("self assessment", SourceKind.Audit),
        ("self evaluation", SourceKind.Audit),
        ("self-evaluation", SourceKind.Audit),
        ("sef", SourceKind.Audit),
        ("action for children", SourceKind.ChildrenAndYoungPeople),
        ("young people", SourceKind.ChildrenAndYoungPeople),
        ("children", SourceKind.ChildrenAndYoungPeople),
        ("child", SourceKind.ChildrenAndYoungPeople),
        ("survey", SourceKind.ChildrenAndYoungPeople),
        ("cicc", SourceKind.ChildrenAndYoungPeople),
        ("parent", SourceKind.ParentsAndCarers),
        ("carer", SourceKind.ParentsAndCarers),
        ("famil", SourceKind.ParentsAndCarers),
        ("staff", SourceKind.Staff),
        ("workforce", SourceKind.Staff),
        ("practitioner", SourceKind.Staff),
        ("board", SourceKind.Board),
        ("committee", SourceKind.Board),
        ("research", SourceKind.Research),
        ("national", SourceKind.Research),
        ("data", SourceKind.PerformanceData),
        ("performance", SourceKind.PerformanceData),
        ("report", SourceKind.Other),
        ("review", SourceKind.Other),
        ("feedback", SourceKind.Other),
        ("plan", SourceKind.Other),
        ("strategy", SourceKind.Other),
    ];

    /// <summary>The sources named in brackets at the end of an aim, in the order written.</summary>
    public static IReadOnlyList<string> SourcesAtEndOf(string aim)
    {
        var found = new List<string>();
        var rest = aim.TrimEnd(' ', '.', '\n', '\r');
        while (TrailingBrackets().Match(rest) is { Success: true } match)
        {
            var inside = Tidy(match.Groups["inside"].Value);
            if (Classify(inside) is null)
                break;
            found.Insert(0, inside);
            rest = rest[..match.Index].TrimEnd(' ', '.', '\n', '\r');
        }

        return found;
    }

    /// <summary>The kind of source a title names, or null when it names none.</summary>
    public static SourceKind? Classify(string title)
    {
        var text = " " + title.ToLowerInvariant() + " ";
        foreach (var (word, kind) in Clues)
        {
            // Short clues ("qa", "scr", "sef") must stand as words; longer ones may be part of a word ("families").
            var hit = word.Length <= 4
                ? Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b", RegexOptions.CultureInvariant)
                : text.Contains(word, StringComparison.Ordinal);
            if (hit)
                return kind;
        }

        return null;
    }

    private static string Tidy(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\((?<inside>[^()]{2,120})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBrackets();
}
