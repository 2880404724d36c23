namespace ServicePlan.Privacy;

/// <summary>A text about to be saved: the field as the form labels it ("Comment on progress"), and what was typed.</summary>
public sealed record EnteredText(string Field, string? Text);

/// <summary>
/// Something in a text about to be saved that looks like a child's personal data.
/// </summary>
/// <param name="Field">The field as the form labels it.</param>
/// <param name="Found">The words found, exactly as typed.</param>
/// <param name="Kind">What they look like.</param>
/// <param name="Message">The personal-data check's own words (<see cref="PersonalDataFlag.Reason"/>), so every door says the same.</param>
public sealed record EntryFinding(string Field, string Found, PersonalDataKind Kind, string Message)
{
    /// <summary>The finding tied to its field, as the form, the API, the import preview and the CLI print it.</summary>
    public string Described => $"{Field}: {Message}";
}

/// <summary>
/// Warns at the point of entry: the same personal-data check the public report runs, on the texts a form, the API or an
/// import is about to store, so a child's name is caught when it is typed rather than weeks later when the committee
/// paper is due. It only warns: the person may change the text, or confirm it and save it as written with a reason.
/// </summary>
public static class EntryCheck
{
    /// <summary>Said when "save it as written" is ticked without a reason: by the forms and by the API alike.</summary>
    public const string ReasonMissing = "Enter why this can be saved as written";

    public static string ReasonTooLong => $"The reason must be {Database.FieldLengths.PersonalDataReason:N0} characters or fewer";

    /// <summary>
    /// Every finding in the texts, field by field in the order given. Each text is checked as it will be stored and
    /// printed: trimmed, as every save path trims it. One finding per field and words, however often they repeat.
    /// </summary>
    public static IReadOnlyList<EntryFinding> Check(IEnumerable<EnteredText> texts, KnownNames known)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(known);

        // Two fields may share a label (two sources both called "Survey"), so each text is keyed by its position.
        var list = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        var flags = PersonalDataCheck.Scan(list.Select((t, i) => new TextToPublish(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Text!.Trim())), known);
        return flags
            .Select(f => new EntryFinding(list[int.Parse(f.Location, System.Globalization.CultureInfo.InvariantCulture)].Field, f.Found, f.Kind, f.Reason))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Whether a save may go ahead: yes when nothing was found, or when the person confirmed the findings they were
    /// shown with a reason. <paramref name="error"/> is set when they confirmed without a usable reason.
    /// </summary>
    public static bool MaySave(IReadOnlyList<EntryFinding> findings, bool confirmed, string? reason, out string? error)
    {
        ArgumentNullException.ThrowIfNull(findings);
        error = null;
        if (findings.Count == 0)
            return true;
        if (!confirmed)
            return false;
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
            error = ReasonMissing;
        else if (trimmed.Length > Database.FieldLengths.PersonalDataReason)
            error = ReasonTooLong;
        return error is null;
    }

    /// <summary>
    /// A short fingerprint of what was found, which a form carries with its "save it as written" box: a confirmation
    /// covers the findings the person was shown, so a text changed to find something new is shown to them again.
    /// </summary>
    public static string Fingerprint(IEnumerable<EntryFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = string.Join('\n', findings.Select(f => $"{f.Field}\t{f.Found}").Order(StringComparer.Ordinal));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
