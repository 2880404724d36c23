namespace ServicePlan.Privacy;

/// <summary>
/// Looks through every text a public paper would contain for what seems to be a child's personal data (Local
/// Government Act 1972, Schedule 12A): names, case numbers, initials, dates of birth, addresses, phone numbers and
/// e-mail addresses. It is deliberately cautious and rule-based: each flag says in plain words why it was raised, and
/// the plan owner edits the text, marks it exempt, or accepts it with a reason.
/// </summary>
public static class PersonalDataCheck
{
    public static IReadOnlyList<PersonalDataFlag> Scan(IEnumerable<TextToPublish> texts, KnownNames known)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(known);

        var index = new KnownNameIndex(known);
        var flags = new List<PersonalDataFlag>();
        foreach (var text in texts)
        {
            if (text is null || string.IsNullOrWhiteSpace(text.Text))
                continue;
            flags.AddRange(ScanOne(text, index));
        }
        return flags;
    }

    private static IEnumerable<PersonalDataFlag> ScanOne(TextToPublish text, KnownNameIndex known)
    {
        var scan = new TextScan(text, known);

        // From the most to the least certain, so that each stretch of text is explained by its most specific reading.
        ContactDetails.FindEmails(scan);
        ContactDetails.FindWebAddresses(scan);
        known.ShieldKnownPhrases(scan);
        ContactDetails.FindPhoneNumbers(scan);
        DatesOfBirth.Find(scan);
        Addresses.Find(scan);
        RecordNumbers.Find(scan);
        Initials.Find(scan);
        PersonalNames.Find(scan);

        return scan.Flags.OrderBy(f => f.Start);
    }
}
