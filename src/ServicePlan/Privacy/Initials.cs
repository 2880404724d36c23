using System.Text.RegularExpressions;

namespace ServicePlan.Privacy;

/// <summary>
/// Young people's initials: "JS, AB and KL", "YP AB", "child A.B.". Plans are full of short capitals that are not
/// initials ("CIN, CP and CiC", "DTM", "HoS"), so an unknown pair of capitals on its own passes; it is flagged when it
/// is written with full stops, stands in a list with other unknown initials, or follows a word such as "child" or "YP".
/// </summary>
internal static partial class Initials
{
    // Capitals that introduce a young person when they stand just before their initials ("YP AB").
    private static readonly HashSet<string> ClueCapitals = new(["YP", "CYP", "UASC", "LAC", "CLA", "CIC"], StringComparer.OrdinalIgnoreCase);

    // Written with full stops but not a person: "U.K.", "N.B.", "a.m.".
    private static readonly HashSet<string> DottedWords = new(
        ["UK", "US", "NB", "PS", "AM", "PM", "EG", "IE", "DOB", "RIP", "AKA", "TBC", "TBA"],
        StringComparer.OrdinalIgnoreCase);

    private readonly record struct Candidate(int Start, int Length, string Letters, bool Dotted, bool Known);

    public static void Find(TextScan scan)
    {
        var text = scan.Text;
        var candidates = new List<Candidate>();
        foreach (Match match in CandidatePattern().Matches(text))
        {
            if (scan.IsTaken(match.Index, match.Length))
                continue;
            var dotted = match.Groups["dotted"].Success;
            var letters = new string(match.Value.Where(char.IsLetter).ToArray());
            var known = ServiceAcronyms.Contains(letters) || scan.Known.IsInitials(letters) || (dotted && DottedWords.Contains(letters));
            candidates.Add(new Candidate(match.Index, match.Length, letters, dotted, known));
        }

        var group = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            var previousEnd = group.Count > 0 ? group[^1].Start + group[^1].Length : 0;
            if (group.Count > 0 && !ListSeparator().IsMatch(text.AsSpan(previousEnd, candidate.Start - previousEnd)))
            {
                FlagGroup(scan, group);
                group.Clear();
            }
            group.Add(candidate);
        }
        FlagGroup(scan, group);
    }

    private static void FlagGroup(TextScan scan, List<Candidate> group)
    {
        var unknown = group.Where(c => !c.Known).ToList();
        if (unknown.Count == 0)
            return;

        if (unknown.Count >= 2)
        {
            var first = unknown[0];
            var last = unknown[^1];
            var listed = string.Join(", ", unknown.Select(c => scan.Text.Substring(c.Start, c.Length)));
            scan.Flag(PersonalDataKind.Initials, first.Start, last.Start + last.Length - first.Start,
                $"Looks like a list of initials ({listed}) that are not the plan's people or a known abbreviation");
            return;
        }

        var only = unknown[0];
        var found = scan.Text.Substring(only.Start, only.Length);
        if (only.Dotted)
        {
            scan.Flag(PersonalDataKind.Initials, only.Start, only.Length,
                $"Looks like someone's initials ({found}) written with full stops");
            return;
        }

        var index = group.IndexOf(only);
        var clue = index > 0 && ClueCapitals.Contains(group[index - 1].Letters)
            ? group[index - 1].Letters
            : index == 0 ? ClueWordBefore(scan.Text, only.Start) : null;
        if (clue is not null)
        {
            scan.Flag(PersonalDataKind.Initials, only.Start, only.Length,
                $"Looks like a young person's initials ({found}) after \"{clue}\"");
        }
    }

    private static string? ClueWordBefore(string text, int start)
    {
        var from = Math.Max(0, start - 30);
        var match = ClueBefore().Match(text[from..start]);
        return match.Success ? match.Groups["clue"].Value : null;
    }

    // Two or three capitals standing alone ("AB", "JKS"), or single capitals with full stops ("J.S.", "A. B.", "A.B").
    [GeneratedRegex(@"(?<![\p{L}\d.'’&-])(?:(?<dotted>\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?|\p{Lu}\.\p{Lu}(?:\.\p{Lu})?)|\p{Lu}{2,3})(?![\p{L}\d'’&]|-\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex CandidatePattern();

    [GeneratedRegex(@"^(?:\s|,|&|/|\+|\band\b|\bor\b)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\b(?<clue>child|young person|yp|sibling|siblings|brother|sister|son|daughter|baby|mother|father|mum|dad|boy|girl|pupil|twin|twins|client|mr|mrs|ms|miss|initials)\s*[:.(]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClueBefore();
}
