using System.Text.RegularExpressions;

namespace ServicePlan.Privacy;

/// <summary>E-mail addresses, web addresses and UK telephone numbers.</summary>
internal static partial class ContactDetails
{
    public static void FindEmails(TextScan scan)
    {
        if (!scan.Text.Contains('@', StringComparison.Ordinal))
            return;
        foreach (var match in EmailPattern().EnumerateMatches(scan.Text))
        {
            var email = scan.Text.Substring(match.Index, match.Length);
            if (scan.Known.IsAllowedEmail(email))
            {
                scan.Shield(match.Index, match.Length);
            }
            else
            {
                scan.Flag(PersonalDataKind.EmailAddress, match.Index, match.Length,
                    $"Looks like an e-mail address ({email}) that is not the author's");
            }
        }
    }

    /// <summary>Web addresses are kept whole so that their words are not read as names; long numbers in them are still checked.</summary>
    public static void FindWebAddresses(TextScan scan)
    {
        if (!scan.Text.Contains("http", StringComparison.OrdinalIgnoreCase) && !scan.Text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return;
        foreach (var match in WebAddressPattern().EnumerateMatches(scan.Text))
        {
            var length = match.Length;
            // A sentence's full stop or a closing bracket after an address is not part of it.
            while (length > 0 && ".,;:)>]'\"".Contains(scan.Text[match.Index + length - 1], StringComparison.Ordinal))
                length--;
            scan.MarkWebAddress(match.Index, length);
        }
    }

    public static void FindPhoneNumbers(TextScan scan)
    {
        if (scan.DigitCount < 10)
            return;
        foreach (var match in PhonePattern().EnumerateMatches(scan.Text))
        {
            var phone = scan.Text.Substring(match.Index, match.Length);
            var digits = KnownNameIndex.PhoneDigits(phone);
            // A UK number is 0 and 9 or 10 more digits; 01, 02 and 03 are landlines and 07 mobiles. Freephone and
            // helpline numbers (0800, 0808) are organisations', not people's.
            if (digits.Length is < 10 or > 11 || digits[0] != '0' || digits[1] is not ('1' or '2' or '3' or '7'))
                continue;
            if (scan.Known.IsAllowedPhone(phone))
            {
                scan.Shield(match.Index, match.Length);
                continue;
            }
            var what = digits[1] == '7' ? "mobile phone number" : "phone number";
            scan.Flag(PersonalDataKind.PhoneNumber, match.Index, match.Length, $"Looks like a {what} ({phone})");
        }
    }

    [GeneratedRegex(@"(?<![\w.%+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddressPattern();

    // Digits grouped as people write them: 07700 900123, 07700 900 123, 020 7946 0018, 01632 960123, (020) 7946 0018,
    // +44 7700 900123, +44 (0)20 7946 0018. The digit count is checked afterwards.
    [GeneratedRegex(@"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})(?:[\s-]?\d{3,4}){1,2}(?![\d\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
