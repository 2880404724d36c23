using System.Text.RegularExpressions;

namespace ServicePlan.Privacy;

/// <summary>
/// A date is only a date of birth when the text says so: "DOB 12/03/2011", "born on 4 May 2012", or a full date a few
/// words from "born", "birthday" or "aged". Plans are full of other dates ("Jan 2022: TOM complete", "starts on 5 July")
/// that must pass.
/// </summary>
internal static partial class DatesOfBirth
{
    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string FullDate =
        @"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?!\d)" +
        @"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+\d{4}" +
        @"|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})";

    // Every date of birth the check recognises has one of these words near it; most texts have none and are skipped.
    private static readonly HashSet<string> ClueWords = new(["born", "dob", "birth", "birthday", "age", "aged"], StringComparer.OrdinalIgnoreCase);

    public static void Find(TextScan scan)
    {
        if (scan.DigitCount < 4 || !HasClue(scan))
            return;
        foreach (var match in StatedPattern().EnumerateMatches(scan.Text))
        {
            var found = scan.Text.Substring(match.Index, match.Length);
            scan.Flag(PersonalDataKind.DateOfBirth, match.Index, match.Length, $"Looks like a date of birth ({found})");
        }

        foreach (Match match in FullDatePattern().Matches(scan.Text))
        {
            var clue = NearbyClue(scan.Text, match.Index, match.Index + match.Length);
            if (clue is not null)
            {
                scan.Flag(PersonalDataKind.DateOfBirth, match.Index, match.Length,
                    $"Looks like a date of birth: a full date ({match.Value}) next to \"{clue}\"");
            }
        }
    }

    private static bool HasClue(TextScan scan) =>
        scan.Words.Any(w => ClueWords.Contains(w.Value)) || scan.Text.Contains("d.o.b", StringComparison.OrdinalIgnoreCase);

    /// <summary>"born", "DOB", "birthday", "age" or "aged" within four words of the date and in the same sentence.</summary>
    private static string? NearbyClue(string text, int start, int end)
    {
        var before = text[Math.Max(0, start - 40)..start];
        var sentenceBreak = before.LastIndexOfAny(['.', ';', '\n', '!', '?']);
        if (sentenceBreak >= 0)
            before = before[(sentenceBreak + 1)..];
        var after = text[end..Math.Min(text.Length, end + 30)];
        var afterBreak = after.IndexOfAny(['.', ';', '\n', '!', '?']);
        if (afterBreak >= 0)
            after = after[..afterBreak];

        var clueBefore = ClueBefore().Match(before);
        if (clueBefore.Success)
            return clueBefore.Groups["clue"].Value;
        var clueAfter = ClueAfter().Match(after);
        return clueAfter.Success ? clueAfter.Groups["clue"].Value : null;
    }

    // "DOB 12/03/2011", "D.O.B.: 12.03.11", "date of birth 3rd June 2010", "born on 4 May 2012", "born in May 2012",
    // "born in 2011", "birthday is 3rd June 2010".
    [GeneratedRegex(
        @"(?<![\p{L}])(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born|birthday)\s*[:\-–,]?\s*(?:(?:is|was|on|in|the|of)\s+)*" +
        @"(?:" + FullDate + @"|" + Month + @"\s+\d{4}|(?:19|20)\d{2})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedPattern();

    [GeneratedRegex(@"(?<![\w/.-])" + FullDate, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"(?<clue>\bborn\b|\bd\.?o\.?b\b\.?|\bdate of birth\b|\bbirthday\b|\baged?\b(?!\s+assess))(?:\W+\w+){0,4}\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClueBefore();

    [GeneratedRegex(@"^\W*(?:\w+\W+){0,3}?(?<clue>\bborn\b|\bd\.?o\.?b\b\.?|\bdate of birth\b|\bbirthday\b|\baged?\b(?!\s+assess))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClueAfter();
}
