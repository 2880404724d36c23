using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.UpdateSheet;

/// <summary>A person who leads actions in the plan, as the download's choice of lead lists them.</summary>
public sealed record SheetLead(Guid PersonId, string Name, string Initials, int Actions);

/// <summary>The plan an update sheet is for, and whether it can take updates now.</summary>
public sealed record SheetPlan(Guid PlanId, string Title, Guid? OpenReviewId, string? OpenReviewLabel, string? ReadOnlyBecause)
{
    /// <summary>Why no sheet can be made or uploaded now, in users' words; null when one can.</summary>
    public string? CannotUpdateBecause =>
        ReadOnlyBecause is { } readOnly ? $"{readOnly}, so its progress can no longer be updated"
        : OpenReviewId is null ? "The plan has no open review: an owner opens the next review before its update sheets can be used"
        : null;
}

public abstract record SheetOutcome
{
    private SheetOutcome()
    {
    }

    public sealed record Made(UpdateSheetContent Content) : SheetOutcome;

    public sealed record Refused(string Reason) : SheetOutcome;

    public sealed record NotFound : SheetOutcome;

    public sealed record NotAllowed : SheetOutcome;
}

/// <summary>What uploading the sheet would do, with the lead the updates will be written for.</summary>
public sealed record SheetCheck(SheetPreview Preview, SheetLead? Lead);

/// <summary>What applying a sheet did: every update saved, or none and why (<see cref="Problems"/>, by row).</summary>
public sealed record SheetApplied(SheetCheck Check, IReadOnlyList<SavedProgress> Saved, IReadOnlyList<ImportIssue> Problems)
{
    public bool IsSaved => Problems.Count == 0 && Saved.Count > 0;
}

/// <summary>
/// Makes a lead's update sheet for the plan's open review, and checks an uploaded one against the plan as it stands. An
/// owner or admin may make and upload a sheet for any lead of the plan; a lead only for their own actions.
/// </summary>
public sealed class UpdateSheets(ServicePlanDbContext db, TimeProvider clock, ProgressBatch batch)
{
    public async Task<SheetPlan?> PlanAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.Status, p.ArchivedAtUtc })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
            return null;
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Status == ReviewStatus.Open)
            .OrderByDescending(r => r.Date)
            .Select(r => new { r.Id, r.Label })
            .FirstOrDefaultAsync(ct);
        var readOnly = new Plan { Title = plan.Title, Status = plan.Status, ArchivedAtUtc = plan.ArchivedAtUtc }.ReadOnlyBecause;
        return new SheetPlan(plan.Id, plan.Title, review?.Id, review?.Label, readOnly);
    }

    /// <summary>The people this user may make a sheet for: every lead of the plan for an owner or admin, themselves for a lead.</summary>
    public async Task<IReadOnlyList<SheetLead>> LeadsAsync(Guid planId, ProgressAuthor user, CancellationToken ct = default)
    {
        var mayUpdateAny = MayUpdateAny(user);
        var people = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && db.Plans.VisibleTo(user.OrganisationId).Any(p => p.Id == a.PlanId))
            .SelectMany(a => a.Leads)
            .Where(p => mayUpdateAny || p.UserId == user.UserId)
            .Select(p => new { p.Id, p.Name, p.Initials })
            .ToListAsync(ct);
        return [.. people.GroupBy(p => p.Id)
            .Select(g => new SheetLead(g.Key, g.First().Name, g.First().Initials, g.Count()))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<SheetOutcome> MakeAsync(Guid planId, Guid personId, ProgressAuthor user, CancellationToken ct = default)
    {
        if (await PlanAsync(planId, user.OrganisationId, ct) is not { } plan)
            return new SheetOutcome.NotFound();
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.PlanId == planId).Select(p => new { p.Id, p.Name, p.UserId }).FirstOrDefaultAsync(ct);
        if (person is null)
            return new SheetOutcome.NotFound();
        if (!MayUpdateAny(user) && person.UserId != user.UserId)
            return new SheetOutcome.NotAllowed();
        if (plan.CannotUpdateBecause is { } reason)
            return new SheetOutcome.Refused(reason);

        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.Leads.Any(p => p.Id == personId))
            .OrderBy(a => a.Objective!.Section!.Order).ThenBy(a => a.Objective!.Order).ThenBy(a => a.Order)
            .Select(a => new { a.Id, a.Ref, a.DoesWhat, a.DueText })
            .ToListAsync(ct);
        if (actions.Count == 0)
            return new SheetOutcome.Refused($"{person.Name} leads no actions in this plan");

        var latest = await LatestUpdatesAsync(actions.Select(a => a.Id).ToList(), ct);
        var rows = actions.Select(a =>
        {
            var update = latest.GetValueOrDefault(a.Id);
            return new SheetAction(a.Id, a.Ref, a.DoesWhat, a.DueText, update?.Rating ?? Rating.None, update?.Comment ?? "",
                update is null ? null : new UpdateSeen(update.Id, update.Version));
        }).ToList();
        var stamp = new SheetStamp(planId, plan.OpenReviewId!.Value, personId, clock.GetUtcNow().UtcDateTime);
        return new SheetOutcome.Made(new UpdateSheetContent(stamp, plan.Title, plan.OpenReviewLabel!, person.Name, rows));
    }

    /// <summary>What applying this uploaded sheet to the plan would do now; nothing is written.</summary>
    public async Task<SheetCheck> CheckAsync(Guid planId, SheetUpload sheet, ProgressAuthor user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(user);
        if (sheet.Stamp is not { } stamp)
            return new SheetCheck(SheetPreviewRules.Preview(sheet, new PlanNow(planId, null, null, new Dictionary<Guid, ActionNow>())), null);
        if (await PlanAsync(planId, user.OrganisationId, ct) is not { } plan)
            return Refused("The plan is not there any more");

        var person = await db.People.AsNoTracking().Where(p => p.Id == stamp.LeadPersonId && p.PlanId == planId)
            .Select(p => new { p.Id, p.Name, p.Initials, p.UserId }).FirstOrDefaultAsync(ct);
        if (stamp.PlanId == planId && person is null)
            return Refused("The lead this sheet was made for is no longer one of the plan's people: download a new sheet");
        if (person is not null && !MayUpdateAny(user) && person.UserId != user.UserId)
            return Refused($"This sheet is for {person.Name}'s actions: you can upload only a sheet of your own actions");

        var ids = sheet.Entries.Select(e => e.ActionId).Distinct().ToList();
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Ref, Led = a.Leads.Any(p => p.Id == stamp.LeadPersonId) })
            .ToListAsync(ct);
        var latest = await LatestUpdatesAsync(ids, ct);
        var now = new PlanNow(planId, plan.OpenReviewId, plan.ReadOnlyBecause, actions.ToDictionary(
            a => a.Id,
            a => new ActionNow(a.Ref, a.Led, latest.GetValueOrDefault(a.Id) is { } u ? new LatestUpdate(u.Id, u.Version, u.Rating, u.AuthorName, u.RecordedAtUtc) : null)));
        var lead = person is null ? null : new SheetLead(person.Id, person.Name, person.Initials, actions.Count);
        return new SheetCheck(SheetPreviewRules.Preview(sheet, now), lead);

        static SheetCheck Refused(string message) => new(new SheetPreview([], [new ImportIssue(0, "", message)]), null);
    }

    /// <summary>
    /// Adds the sheet's updates as progress in the open review, authored by the sheet's lead (entered on their behalf when
    /// the uploader is someone else), all or nothing through <see cref="ProgressBatch"/>. Conflicts are applied only
    /// when <paramref name="confirmedConflicts"/> holds the update each conflicts with, as the preview showed it.
    /// </summary>
    public async Task<SheetApplied> ApplyAsync(Guid planId, SheetUpload sheet, ProgressAuthor user, IReadOnlySet<Guid> confirmedConflicts, CancellationToken ct = default)
    {
        var check = await CheckAsync(planId, sheet, user, ct);
        var preview = check.Preview;
        if (!preview.CanApply)
            return new SheetApplied(check, [], preview.Errors.Count > 0 ? preview.Errors : [new ImportIssue(0, "", "There is nothing to apply")]);
        var unconfirmed = SheetPreviewRules.Unconfirmed(preview, confirmedConflicts);
        if (unconfirmed.Count > 0)
        {
            return new SheetApplied(check, [], [.. unconfirmed.Select(u => new ImportIssue(u.Row, UpdateSheetWriter.Headings.Ref,
                $"Action {u.Ref} was updated by someone else after the sheet was made: tick the box to apply the sheet's update after it, or take the row out of the sheet"))]);
        }

        var items = preview.Updates.Select(u => new NewProgressFor(u.ActionId, u.Rating.ToString(), u.Comment, new SeenLatest(u.LatestSeen))).ToList();
        var result = await batch.AddManyAsync(planId, items, user, sheet.Stamp!.LeadPersonId, ct);
        var rows = preview.Updates.ToDictionary(u => u.ActionId, u => u.Row);
        return new SheetApplied(check, result.Saved, [.. result.Problems.Select(p => new ImportIssue(
            p.ActionId is { } id && rows.TryGetValue(id, out var row) ? row : 0,
            p.ActionId is null ? "" : UpdateSheetWriter.Headings.Ref,
            p.Described))]);
    }

    /// <summary>Owners and admins update any action; a lead only their own.</summary>
    private static bool MayUpdateAny(ProgressAuthor user) => Roles.MayAddProgress(user.Roles, leadsTheAction: false);

    private sealed record Latest(Guid Id, int Version, Rating Rating, string Comment, string AuthorName, DateTime RecordedAtUtc);

    /// <summary>Each action's latest update, by the same rule as <see cref="ProgressUpdate.Latest"/>.</summary>
    private async Task<Dictionary<Guid, Latest>> LatestUpdatesAsync(IReadOnlyCollection<Guid> actionIds, CancellationToken ct)
    {
        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => actionIds.Contains(u.ActionId))
            .Select(u => new { u.ActionId, u.Id, u.Version, u.Rating, u.Comment, u.AuthorName, u.RecordedAtUtc })
            .ToListAsync(ct);
        return updates.GroupBy(u => u.ActionId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(u => u.RecordedAtUtc).ThenBy(u => u.Id).Select(u => new Latest(u.Id, u.Version, u.Rating, u.Comment, u.AuthorName, u.RecordedAtUtc)).Last());
    }
}
