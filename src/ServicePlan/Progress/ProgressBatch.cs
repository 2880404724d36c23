using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Privacy;

namespace ServicePlan.Progress;

/// <summary>One action's update in a batch, as a row of the quick update form or of an update sheet holds it.</summary>
/// <param name="Rating">As typed: Blue, Red, Amber or Green, or as a sheet may have it ("A", "Complete").</param>
/// <param name="Comment">The comment on progress.</param>
/// <param name="Seen">The action's latest update when the form or sheet was made, so an update added since is reported rather than silently followed; null not to check.</param>
public sealed record NewProgressFor(Guid ActionId, string? Rating, string? Comment, SeenLatest? Seen = null);

/// <summary>The latest update of an action as the person saw it; <paramref name="UpdateId"/> null when it had none.</summary>
public sealed record SeenLatest(Guid? UpdateId);

public enum ProgressProblemKind
{
    /// <summary>The plan, the lead or an action is not in this organisation's plan (or the action was removed from it).</summary>
    NotFound,

    /// <summary>A lead's row for an action they do not lead; an on-behalf row for an action the lead does not lead; a lead entering for someone else.</summary>
    NotAllowed,

    /// <summary>The plan is rolled over and closed, or archived.</summary>
    PlanClosed,

    /// <summary>The rating is missing or not a BRAG rating.</summary>
    Rating,

    /// <summary>The comment is missing or too long.</summary>
    Comment,

    /// <summary>Someone added an update to the action after the form or sheet was made: see <see cref="ProgressProblem.Newer"/>.</summary>
    Conflict,

    /// <summary>The same action twice in one batch.</summary>
    Duplicate,

    /// <summary>Every row was blank: there is nothing to save.</summary>
    Nothing,
}

/// <summary>An update added since the form or sheet was made.</summary>
public sealed record NewerUpdate(Guid Id, Rating Rating, string Comment, string AuthorName, DateTime RecordedAtUtc);

/// <summary>Why a batch was not saved, for one action (<see cref="Ref"/> and <see cref="ActionId"/> set) or for all of it (both null).</summary>
public sealed record ProgressProblem(Guid? ActionId, string? Ref, ProgressProblemKind Kind, string Message)
{
    /// <summary>The update someone added since, for a <see cref="ProgressProblemKind.Conflict"/>.</summary>
    public NewerUpdate? Newer { get; init; }

    /// <summary>The message naming the action: "Action 4.1: Select a rating" (an action not found has no ref to name).</summary>
    public string Described => Ref is null ? Message : $"{EntryChecks.PlaceOfAction(Ref)}: {Message}";
}

/// <summary>One update saved by a batch.</summary>
public sealed record SavedProgress(Guid ActionId, string Ref, Guid UpdateId, Rating Rating);

/// <summary>What a batch did: everything in <see cref="Saved"/>, or nothing and every reason why in <see cref="Problems"/>.</summary>
public sealed record ProgressBatchResult(IReadOnlyList<SavedProgress> Saved, IReadOnlyList<ProgressProblem> Problems)
{
    public bool IsSaved => Problems.Count == 0;

    /// <summary>The plan or the lead is not the organisation's: the page answers 404 rather than listing problems.</summary>
    public bool IsNotFound => Problems.Any(p => p.ActionId is null && p.Kind == ProgressProblemKind.NotFound);

    /// <summary>The person may not enter these updates at all (a lead entering a colleague's): the page answers 403.</summary>
    public bool IsForbidden => Problems.Any(p => p.ActionId is null && p.Kind == ProgressProblemKind.NotAllowed);
}

/// <summary>
/// Adds progress updates to many actions of one plan at once (the quick update page, an update sheet), all or nothing:
/// with the Add progress page's rules (<see cref="ProgressRules"/>) for every row, and one save, so that either every
/// update is added or none is and every problem is returned naming its action.
/// </summary>
/// <remarks>
/// Personal-data checks are the caller's, as for <see cref="ProgressRecording.AddAsync"/>: confirmations added with
/// <see cref="EntryChecks.Confirm"/> before the call are saved by the same save; when the result is not saved, call
/// <see cref="EntryChecks.Forget"/>.
/// </remarks>
public sealed class ProgressBatch(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds an update for each row that has a rating or a comment (blank rows are skipped) to the plan's actions, filed
    /// under the plan's open review: all of them in one save, or none when any row has a problem.
    /// </summary>
    /// <param name="planId">The plan every row's action must belong to.</param>
    /// <param name="items">The rows, in the order problems are to be listed.</param>
    /// <param name="enteredBy">The signed-in person: the updates' author, unless entering on a lead's behalf.</param>
    /// <param name="onBehalfOfPersonId">
    /// A person of the plan whose updates an owner or admin is entering: the updates are authored by that person (their
    /// name and account), and record <paramref name="enteredBy"/> as who entered them; every row's action must be theirs.
    /// Null when the signed-in person enters their own.
    /// </param>
    public async Task<ProgressBatchResult> AddManyAsync(Guid planId, IReadOnlyList<NewProgressFor> items, ProgressAuthor enteredBy, Guid? onBehalfOfPersonId, CancellationToken ct = default)
    {
        var batch = await PrepareAsync(planId, items, enteredBy, onBehalfOfPersonId, ct);
        if (batch.Problems.Count > 0)
            return new ProgressBatchResult([], batch.Problems);

        var reviewId = await ProgressRecording.OpenReviewIdAsync(db, planId, ct);
        var saved = new List<SavedProgress>();
        foreach (var (actionId, reference, update) in batch.Valid)
        {
            var added = ProgressRecording.NewUpdate(actionId, reviewId, update, batch.Author.Name, batch.Author.UserId, batch.Typist, clock);
            db.ProgressUpdates.Add(added);
            if (added.OnBehalfText is { } onBehalf)
                db.Summarise(added, $"Progress update to {(string.IsNullOrWhiteSpace(reference) ? "an action" : $"action {reference.Trim()}")} {onBehalf}: {update.Rating.Name()}");
            saved.Add(new SavedProgress(actionId, reference, added.Id, update.Rating));
        }

        await db.SaveChangesAsync(ct);
        return new ProgressBatchResult(saved, []);
    }

    /// <summary>
    /// What <see cref="AddManyAsync"/> would refuse, without saving anything: for a form to show every problem before
    /// it asks about personal data, and for a sheet's preview.
    /// </summary>
    public async Task<ProgressBatchResult> CheckManyAsync(Guid planId, IReadOnlyList<NewProgressFor> items, ProgressAuthor enteredBy, Guid? onBehalfOfPersonId, CancellationToken ct = default) =>
        new([], (await PrepareAsync(planId, items, enteredBy, onBehalfOfPersonId, ct)).Problems);

    private sealed record Prepared(
        IReadOnlyList<ProgressProblem> Problems,
        IReadOnlyList<(Guid ActionId, string Ref, NewProgressUpdate Update)> Valid,
        (string Name, string? UserId) Author,
        (string Name, string UserId)? Typist)
    {
        public static Prepared Refused(ProgressProblemKind kind, string message) =>
            new([new ProgressProblem(null, null, kind, message)], [], ("", null), null);
    }

    private async Task<Prepared> PrepareAsync(Guid planId, IReadOnlyList<NewProgressFor> items, ProgressAuthor enteredBy, Guid? onBehalfOfPersonId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(enteredBy);
        var plan = await db.Plans.AsNoTracking().VisibleTo(enteredBy.OrganisationId)
            .Where(p => p.Id == planId)
            .Select(p => new { p.Status, p.ArchivedAtUtc })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
            return Prepared.Refused(ProgressProblemKind.NotFound, "The plan was not found");

        var author = (Name: enteredBy.Name, UserId: (string?)enteredBy.UserId);
        (string Name, string UserId)? typist = null;
        string? onBehalfOf = null;
        if (onBehalfOfPersonId is { } personId)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.PlanId == planId)
                .Select(p => new { p.Name, p.UserId }).FirstOrDefaultAsync(ct);
            if (person is null)
                return Prepared.Refused(ProgressProblemKind.NotFound, "The lead was not found in this plan");

            // A person linked to the signed-in account is that person entering their own.
            if (person.UserId != enteredBy.UserId)
            {
                if (!ProgressRules.MayEnterOnBehalf(enteredBy.Roles))
                    return Prepared.Refused(ProgressProblemKind.NotAllowed, "Only a plan owner or an administrator may enter updates on a lead's behalf");
                author = (person.Name, person.UserId);
                typist = (enteredBy.Name, enteredBy.UserId);
                onBehalfOf = person.Name;
            }
        }

        if (plan.Status == PlanStatus.Closed || plan.ArchivedAtUtc is not null)
        {
            var because = plan.ArchivedAtUtc is not null ? "This plan is archived" : "This plan has been rolled over and closed";
            return Prepared.Refused(ProgressProblemKind.PlanClosed, $"{because}, so its progress can no longer be updated");
        }

        var rows = items.Where(i => !ProgressRules.IsBlank(i.Rating, i.Comment)).ToList();
        if (rows.Count == 0)
            return Prepared.Refused(ProgressProblemKind.Nothing, "Enter a rating and a comment for at least one action");

        var ids = rows.Select(r => r.ActionId).Distinct().ToList();
        var actions = await db.Actions.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.PlanId == planId && a.RemovedAtUtc == null)
            .Select(a => new { a.Id, a.Ref, LeadUserIds = a.Leads.Select(p => p.UserId).ToList(), LeadPersonIds = a.Leads.Select(p => p.Id).ToList() })
            .ToDictionaryAsync(a => a.Id, ct);
        var latest = (await db.ProgressUpdates.AsNoTracking().Where(u => ids.Contains(u.ActionId)).ToListAsync(ct))
            .GroupBy(u => u.ActionId)
            .ToDictionary(g => g.Key, g => ProgressUpdate.Latest(g)!);

        var problems = new List<ProgressProblem>();
        var valid = new List<(Guid ActionId, string Ref, NewProgressUpdate Update)>();
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            if (!actions.TryGetValue(row.ActionId, out var action))
            {
                problems.Add(new ProgressProblem(row.ActionId, null, ProgressProblemKind.NotFound, "One of the actions was not found in this plan"));
                continue;
            }

            if (!seen.Add(row.ActionId))
            {
                problems.Add(new ProgressProblem(action.Id, action.Ref, ProgressProblemKind.Duplicate, "This action has more than one update: give it one"));
                continue;
            }

            var allowed = onBehalfOf is not null
                ? action.LeadPersonIds.Contains(onBehalfOfPersonId!.Value) ? ProgressResult.Saved : ProgressResult.NotAllowed
                : ProgressRules.Check(enteredBy.Roles, action.LeadUserIds.Contains(enteredBy.UserId), planIsReadOnly: false);
            if (allowed != ProgressResult.Saved)
            {
                problems.Add(new ProgressProblem(action.Id, action.Ref, ProgressProblemKind.NotAllowed,
                    onBehalfOf is not null ? $"This action is not led by {onBehalfOf}" : "You do not lead this action, so you cannot update it"));
                continue;
            }

            var entry = ProgressRules.ValidateRow(row.Rating, row.Comment, out var rating);
            foreach (var (field, message) in entry)
                problems.Add(new ProgressProblem(action.Id, action.Ref, field == ProgressEntry.Field.Rating ? ProgressProblemKind.Rating : ProgressProblemKind.Comment, message));

            var now = latest.GetValueOrDefault(action.Id);
            if (row.Seen is { } saw && now is not null && ProgressRules.IsStale(saw.UpdateId, now.Id))
            {
                problems.Add(new ProgressProblem(action.Id, action.Ref, ProgressProblemKind.Conflict,
                    $"{now.AuthorName} added an update on {Dates.UkTime.Date(now.RecordedAtUtc)} after this was opened")
                {
                    Newer = new NewerUpdate(now.Id, now.Rating, now.Comment, now.AuthorName, now.RecordedAtUtc),
                });
            }

            if (entry.Count == 0)
                valid.Add((action.Id, action.Ref, new NewProgressUpdate(rating, row.Comment!)));
        }

        return new Prepared(problems, valid, author, typist);
    }
}
