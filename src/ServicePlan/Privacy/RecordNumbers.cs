using System.Text.RegularExpressions;

namespace ServicePlan.Privacy;

/// <summary>
/// Case, record and reference numbers. Case-file audits cite children by their record number ("(77870, 77686)",
/// "Case 84586"), so any long number standing alone is flagged; a public one, such as an Ofsted report reference, is
/// accepted by the plan owner with a reason. Counts and money are written differently ("1,234", "£50000") and pass.
/// </summary>
internal static partial class RecordNumbers
{
    public static void Find(TextScan scan)
    {
        if (scan.DigitCount < 4)
            return;
        var text = scan.Text;

        foreach (Match match in LabelledPattern().Matches(text))
        {
            var number = match.Groups["number"].Value;
            var digits = number.Count(char.IsAsciiDigit);
            if (digits < 4)
                continue;
            // "case 2019", "file 2020": a year after a word, unless the text says it is a number ("case no. 2019").
            if (digits == 4 && IsYear(number) && !match.Groups["numberWord"].Success)
                continue;
            var label = match.Groups["label"].Value;
            var reason = label.Equals("NHS", StringComparison.OrdinalIgnoreCase) || (digits == 10 && !number.Any(char.IsLetter))
                ? $"Looks like an NHS number ({match.Value})"
                : $"Looks like a case or record number ({match.Value}): a number after \"{label}\"";
            scan.Flag(PersonalDataKind.CaseNumber, match.Index, match.Length, reason);
        }

        foreach (var match in NationalInsurancePattern().EnumerateMatches(text))
        {
            var found = text.Substring(match.Index, match.Length);
            scan.Flag(PersonalDataKind.CaseNumber, match.Index, match.Length, $"Looks like a National Insurance number ({found})");
        }

        foreach (var match in SpacedNhsPattern().EnumerateMatches(text))
        {
            var found = text.Substring(match.Index, match.Length);
            scan.Flag(PersonalDataKind.CaseNumber, match.Index, match.Length, $"Looks like an NHS number ({found}): ten digits grouped 3-3-4");
        }

        foreach (Match match in LetterCodePattern().Matches(text))
        {
            var digits = match.Groups["digits"].Value;
            if (digits.Length == 4 && IsYear(digits))
                continue;
            scan.Flag(PersonalDataKind.CaseNumber, match.Index, match.Length, $"Looks like a case or record reference ({match.Value})");
        }

        foreach (Match match in LongNumberPattern().Matches(text))
        {
            if (scan.InWebAddress(match.Index, match.Length))
            {
                scan.Flag(PersonalDataKind.CaseNumber, match.Index, match.Length,
                    $"A long number ({match.Value}) in a web address: check it is a public reference, not a child's record number",
                    ignoreShield: true);
                continue;
            }
            if (CountFollows().IsMatch(text.AsSpan(match.Index + match.Length)))
                continue;
            scan.Flag(PersonalDataKind.CaseNumber, match.Index, match.Length,
                $"Looks like a case or record number ({match.Value}): a long number standing alone");
        }
    }

    private static bool IsYear(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 4 && (digits.StartsWith("19", StringComparison.Ordinal) || digits.StartsWith("20", StringComparison.Ordinal));
    }

    // "case no. 4521987", "case number 4521", "Case 84586", "ref 1234567", "ID 12345", "Mosaic ID 1234567",
    // "NHS 943 476 5919", "record: CN-12345".
    [GeneratedRegex(
        @"\b(?<label>case|ref|reference|record|file|client|person|child|mosaic|lcs|eclipse|liquidlogic|nhs|upn|uln|urn|id)\b" +
        @"(?:\s+(?<numberWord>no\b\.?|num\b\.?|number|id|ref|reference|#))?\s*[:#.]?\s*" +
        @"(?<number>(?:[A-Z]{1,3}[/-]?)?\d{3,}(?:[ -]\d{3,}){0,3})(?![\w/])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledPattern();

    [GeneratedRegex(@"(?<![\w])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex NationalInsurancePattern();

    [GeneratedRegex(@"(?<![\w£$€.,/-])\d{3}[ -]\d{3}[ -]\d{4}(?![\w%]|[.,/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedNhsPattern();

    // "CN12345", "EH/1234", "LAC-20931": letters then four or more digits, as case-management systems number records.
    [GeneratedRegex(@"(?<![\w/-])[A-Z]{1,3}[/-]?(?<digits>\d{4,})(?![\w/-])", RegexOptions.CultureInvariant)]
    private static partial Regex LetterCodePattern();

    [GeneratedRegex(@"(?<![\w£$€.,:-])\d{5,}(?![\w%]|[.,:]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumberPattern();

    // "15000 contacts" is a count of something.
    [GeneratedRegex(@"^\s+(?:contacts|referrals|children|people|families|households|residents|visits|hours|pounds|words|miles|km|metres|staff|cases|assessments|pupils|students|users|views|downloads|responses)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountFollows();
}
