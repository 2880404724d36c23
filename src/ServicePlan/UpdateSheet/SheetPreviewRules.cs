using System.Globalization;
using ServicePlan.Import;
using ServicePlan.Progress;
using H = ServicePlan.UpdateSheet.UpdateSheetWriter.Headings;

namespace ServicePlan.UpdateSheet;

/// <summary>The latest update an action has now, as the preview describes it.</summary>
public sealed record LatestUpdate(Guid Id, int Version, Rating Rating, string AuthorName, DateTime RecordedAtUtc);

/// <summary>An action of the plan as it stands at upload: whether the sheet's lead still leads it, and its latest update.</summary>
public sealed record ActionNow(string Ref, bool LedBySheetsLead, LatestUpdate? Latest);

/// <summary>The plan as it stands at upload, for checking a sheet against.</summary>
/// <param name="OpenReviewId">The plan's open review, or null when none is.</param>
/// <param name="ReadOnlyBecause">Why the plan takes no updates (archived, closed), or null.</param>
/// <param name="Actions">The plan's actions (removed ones left out), by id.</param>
public sealed record PlanNow(Guid PlanId, Guid? OpenReviewId, string? ReadOnlyBecause, IReadOnlyDictionary<Guid, ActionNow> Actions);

/// <summary>An action whose latest update has changed since the sheet was made: what is there now, in words.</summary>
public sealed record SheetConflict(Guid LatestUpdateId, string WhatChanged);

/// <summary>One update the sheet would add.</summary>
public sealed record PlannedUpdate(int Row, Guid ActionId, string Ref, Rating Rating, string Comment, SheetConflict? Conflict)
{
    /// <summary>The latest update the person applying has seen: the conflicting one once confirmed, else the sheet's.</summary>
    public Guid? LatestSeen { get; init; }
}

/// <summary>What applying the sheet would do, or why it cannot be applied (errors: nothing is applied while there are any).</summary>
public sealed record SheetPreview(IReadOnlyList<PlannedUpdate> Updates, IReadOnlyList<ImportIssue> Errors)
{
    public bool CanApply => Errors.Count == 0 && Updates.Count > 0;

    public IReadOnlyList<PlannedUpdate> Conflicts => [.. Updates.Where(u => u.Conflict is not null)];
}

/// <summary>
/// Which actions get which update, and which rows are conflicts: plain rules over what the sheet says and how the plan
/// stands now, so that the page and the command line preview and apply alike.
/// </summary>
public static class SheetPreviewRules
{
    public static SheetPreview Preview(SheetUpload sheet, PlanNow plan)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(plan);
        if (sheet.Stamp is not { } stamp)
            return new SheetPreview([], sheet.Errors.Count > 0 ? sheet.Errors : [new ImportIssue(0, "", UpdateSheetReader.NotAnUpdateSheet)]);

        if (stamp.PlanId != plan.PlanId)
            return Refused("This update sheet is for another plan: upload it on that plan's update sheet page");
        if (plan.ReadOnlyBecause is { } readOnly)
            return Refused($"{readOnly}, so its progress can no longer be updated");
        if (plan.OpenReviewId is not { } openReview)
            return Refused("The plan has no open review, so there is nothing to add these updates to: an owner opens the next review first");
        if (stamp.ReviewId != openReview)
            return Refused("This update sheet was made for an earlier review, which has closed: download a new sheet for the open review");

        var errors = new List<ImportIssue>(sheet.Errors);
        var updates = new List<PlannedUpdate>();
        foreach (var entry in sheet.Entries)
        {
            if (!plan.Actions.TryGetValue(entry.ActionId, out var action))
            {
                errors.Add(new ImportIssue(entry.Row, H.Ref, $"Action {entry.Ref} is not in this plan (it may have been removed since the sheet was made)"));
                continue;
            }

            if (!action.LedBySheetsLead)
            {
                errors.Add(new ImportIssue(entry.Row, H.Ref, $"Action {action.Ref} is not led by this sheet's lead (its lead may have changed since the sheet was made)"));
                continue;
            }

            var conflict = Conflict(entry.Seen, action.Latest);
            updates.Add(new PlannedUpdate(entry.Row, entry.ActionId, action.Ref, entry.Rating, entry.Comment, conflict) { LatestSeen = conflict?.LatestUpdateId ?? entry.Seen?.Id });
        }

        if (errors.Count == 0 && updates.Count == 0)
            errors.Add(new ImportIssue(0, "", "The sheet has no updates filled in: choose a rating and write a comment for each action you are updating"));
        return new SheetPreview(updates, errors);
    }

    /// <summary>
    /// A conflict when the action's latest update is not the one the sheet was made with (a new update, or the same one's
    /// words corrected): adding the sheet's would then pass over something its writer has not seen.
    /// </summary>
    public static SheetConflict? Conflict(UpdateSeen? seen, LatestUpdate? now)
    {
        if (now is null || (seen is not null && seen.Id == now.Id && seen.Version == now.Version))
            return null;
        var when = now.RecordedAtUtc.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var what = seen is not null && seen.Id == now.Id
            ? $"The comment it was made with has been changed since the sheet was made (by {now.AuthorName})"
            : $"Updated since the sheet was made: {now.Rating.Name()} by {now.AuthorName} on {when}";
        return new SheetConflict(now.Id, what);
    }

    /// <summary>
    /// Whether the user has confirmed every conflict as it stands now: a conflict confirmed on the preview is confirmed
    /// only while the action's latest update is still the one the preview showed.
    /// </summary>
    public static IReadOnlyList<PlannedUpdate> Unconfirmed(SheetPreview preview, IReadOnlySet<Guid> confirmedLatestUpdates)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(confirmedLatestUpdates);
        return [.. preview.Conflicts.Where(u => !confirmedLatestUpdates.Contains(u.Conflict!.LatestUpdateId))];
    }

    private static SheetPreview Refused(string message) => new([], [new ImportIssue(0, "", message)]);
}
