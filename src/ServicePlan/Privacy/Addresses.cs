using System.Text.RegularExpressions;

namespace ServicePlan.Privacy;

/// <summary>Postcodes, house numbers with a street, and flat numbers.</summary>
internal static partial class Addresses
{
    public static void Find(TextScan scan)
    {
        if (scan.DigitCount == 0)
            return;
        foreach (var match in PostcodePattern().EnumerateMatches(scan.Text))
        {
            var postcode = scan.Text.Substring(match.Index, match.Length);
            scan.Flag(PersonalDataKind.Postcode, match.Index, match.Length, $"Looks like a postcode ({postcode})");
        }
        foreach (Match match in StreetPattern().Matches(scan.Text))
        {
            // "Action 2 Whole House …", "Page 14 …": a number that belongs to a heading, not a house.
            if (NumberedThing().IsMatch(scan.Text.AsSpan(0, match.Index)))
                continue;
            scan.Flag(PersonalDataKind.Address, match.Index, match.Length, $"Looks like a street address ({match.Value})");
        }
        foreach (var match in FlatPattern().EnumerateMatches(scan.Text))
        {
            var flat = scan.Text.Substring(match.Index, match.Length);
            scan.Flag(PersonalDataKind.Address, match.Index, match.Length, $"Looks like part of an address ({flat})");
        }
    }

    [GeneratedRegex(@"(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(
        @"(?<![\w./-])\d{1,4}[A-Za-z]?,?\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Court|Drive|Way|Gardens|Place|Square|Estate|House|Terrace|Crescent|Grove|Walk|Row|Mews|Hill|Park|Rise|Tower|Buildings|Mansions|Parade|Yard|Wharf|Green|Vale|View|Gate|Passage)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetPattern();

    [GeneratedRegex(@"\bflat\s+\d{1,4}[a-z]?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FlatPattern();

    [GeneratedRegex(@"\b(?:action|section|appendix|page|year|level|phase|tier|stage|part|schedule|paragraph|para|item|ref|recommendation|priority|standard|step|week|quarter|q)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedThing();
}
