using System.Globalization;
using ServicePlan.Import;
using ServicePlan.Progress;
using H = ServicePlan.UpdateSheet.UpdateSheetWriter.Headings;

namespace ServicePlan.UpdateSheet;

/// <summary>One filled-in row: the action it is for, the new rating and comment, and the latest update when the sheet was made.</summary>
public sealed record SheetEntry(int Row, Guid ActionId, string Ref, Rating Rating, string Comment, UpdateSeen? Seen);

/// <summary>
/// What an uploaded sheet says. <see cref="Stamp"/> is null when the file is not an update sheet at all; the errors are
/// by row and column, in the words of the importer's.
/// </summary>
public sealed record SheetUpload(SheetStamp? Stamp, IReadOnlyList<SheetEntry> Entries, IReadOnlyList<ImportIssue> Errors)
{
    public static SheetUpload Refused(string message) => new(null, [], [new ImportIssue(0, "", message)]);
}

/// <summary>
/// Reads an update sheet back: the stamp from its hidden sheet, and every row with a rating or a comment typed in. Rows
/// with both empty are skipped. The columns are found by their headings, so a column a user inserts does no harm.
/// </summary>
public static class UpdateSheetReader
{
    public const string NotAnUpdateSheet =
        "This is not a ServicePlan update sheet: download one from the plan's update sheet page, fill in the Rating and Comment on progress columns, and upload that";

    public static SheetUpload Read(Stream content, string fileName)
    {
        Workbook workbook;
        try
        {
            workbook = SpreadsheetReader.Read(content, fileName);
        }
        catch (SpreadsheetUnreadableException e)
        {
            return SheetUpload.Refused(e.Message);
        }

        return Read(workbook);
    }

    public static SheetUpload Read(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var stampSheet = workbook.Sheets.FirstOrDefault(s => s.Name == UpdateSheetWriter.StampSheetName);
        var updates = workbook.Sheets.FirstOrDefault(s => s.Name == UpdateSheetWriter.SheetName);
        if (stampSheet is null || updates is null || ReadStamp(stampSheet) is not { } stamp)
            return SheetUpload.Refused(NotAnUpdateSheet);
        if (stamp.Version > UpdateSheetWriter.FormatVersion)
            return SheetUpload.Refused("This update sheet was made by a newer version of ServicePlan: download a new one and fill that in");

        var header = updates.Rows.FirstOrDefault(r => r[0].Text.Trim() == H.Ref && r.Cells.Any(c => c.Text.Trim() == H.ActionId));
        if (header is null)
            return SheetUpload.Refused($"The sheet \"{UpdateSheetWriter.SheetName}\" has lost its headings row (Ref, Action, … {H.Comment}): download a new update sheet");

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Cells.Count; i++)
            columns.TryAdd(header[i].Text.Trim(), i);
        string[] needed = [H.Rating, H.Comment, H.ActionId, H.LatestUpdate];
        if (needed.FirstOrDefault(n => !columns.ContainsKey(n)) is { } missing)
            return SheetUpload.Refused($"The sheet has no \"{missing}\" column: download a new update sheet");

        var errors = new List<ImportIssue>();
        var entries = new List<SheetEntry>();
        var seenActions = new Dictionary<Guid, int>();
        string Cell(SheetRow row, string heading) => columns.TryGetValue(heading, out var column) ? row[column].Text.Trim() : "";

        foreach (var row in updates.Rows.Where(r => r.Number > header.Number))
        {
            var ratingText = Cell(row, H.Rating);
            var comment = row[columns[H.Comment]].Text.Trim();
            if (ratingText.Length == 0 && comment.Length == 0)
                continue;

            var reference = Cell(row, H.Ref);
            var problems = EntryProblems(ratingText, comment, out var rating);
            errors.AddRange(problems.Select(p => new ImportIssue(row.Number, p.Column, p.Message)));

            if (!Guid.TryParse(Cell(row, H.ActionId), out var actionId))
            {
                errors.Add(new ImportIssue(row.Number, H.Ref, "This row is not one of the sheet's actions: fill in only the rows the sheet came with"));
                continue;
            }

            if (seenActions.TryGetValue(actionId, out var earlier))
            {
                errors.Add(new ImportIssue(row.Number, H.Ref, $"Action {reference} is filled in twice, here and in row {earlier}: keep one"));
                continue;
            }

            seenActions.Add(actionId, row.Number);
            if (problems.Count > 0)
                continue;

            UpdateSeen? seen = Guid.TryParse(Cell(row, H.LatestUpdate), out var latestId)
                ? new UpdateSeen(latestId, int.TryParse(Cell(row, H.LatestVersion), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0)
                : null;
            entries.Add(new SheetEntry(row.Number, actionId, reference, rating, comment, seen));
        }

        return new SheetUpload(stamp.Stamp, entries, errors);
    }

    /// <summary>
    /// A row's rating and comment by the Add progress page's rules (<see cref="ProgressRules.ValidateRow"/>): both needed,
    /// the rating one of the drop-down's words (or what the importer reads as one, such as "Complete").
    /// </summary>
    public static IReadOnlyList<(string Column, string Message)> EntryProblems(string ratingText, string comment, out Rating rating) =>
        [.. ProgressRules.ValidateRow(ratingText, comment, out rating)
            .Select(p => (p.Field == ProgressEntry.Field.Rating ? H.Rating : H.Comment, p.Message))];

    private sealed record ReadStampResult(SheetStamp Stamp, int Version);

    private static ReadStampResult? ReadStamp(Sheet sheet)
    {
        var values = sheet.Rows.Where(r => r[0].Text.Length > 0).GroupBy(r => r[0].Text.Trim()).ToDictionary(g => g.Key, g => g.First()[1].Text.Trim(), StringComparer.Ordinal);
        if (!values.TryGetValue(UpdateSheetWriter.Marker, out var versionText)
            || !int.TryParse(versionText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            || !Guid.TryParse(values.GetValueOrDefault("Plan"), out var plan)
            || !Guid.TryParse(values.GetValueOrDefault("Review"), out var review)
            || !Guid.TryParse(values.GetValueOrDefault("Lead"), out var lead)
            || !DateTime.TryParse(values.GetValueOrDefault("Made"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var made))
        {
            return null;
        }

        return new ReadStampResult(new SheetStamp(plan, review, lead, DateTime.SpecifyKind(made, DateTimeKind.Utc)), version);
    }
}
