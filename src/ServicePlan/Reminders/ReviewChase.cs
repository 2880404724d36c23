using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Reviews;

namespace ServicePlan.Reminders;

/// <summary>The leads of an open review's plan, most behind first, and those already up to date.</summary>
public sealed record ReviewChaseView(Guid ReviewId, Guid PlanId, IReadOnlyList<LeadProgress> Behind, IReadOnlyList<LeadProgress> UpToDate);

/// <summary>
/// The owner's quarterly chase on the review page: who still has actions without an update in the open review, and
/// a reminder e-mail to one of them or to all who are behind, through <see cref="ReminderSender"/> and its ledger, so
/// nobody is sent two chase reminders in one UK day (<see cref="ChaseRules.ChaseKey"/>). Only an open review of a
/// plan that can still change is chased; the rules are in <see cref="ChaseRules"/>.
/// </summary>
public sealed class ReviewChase(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>Null when there is no such open review in the organisation, or its plan is closed or archived.</summary>
    public async Task<ReviewChaseView?> LeadsAsync(Guid reviewId, Guid organisationId, CancellationToken ct = default)
    {
        if (await ReadAsync(reviewId, organisationId, ct) is not { } read)
            return null;
        return new ReviewChaseView(reviewId, read.PlanId, read.Leads.Where(l => l.IsBehind).ToList(), read.Leads.Where(l => !l.IsBehind).ToList());
    }

    /// <summary>
    /// Reminds one person (<paramref name="personId"/>) or, when it is null, everyone who is behind, and says, per person,
    /// what happened. Null when there is no such open review; empty when the person leads none of its plan's actions.
    /// </summary>
    public async Task<IReadOnlyList<ChaseResult>?> RemindAsync(
        Guid reviewId, Guid organisationId, Guid? personId, string requestedBy, ReminderSender sender, CancellationToken ct = default)
    {
        if (await ReadAsync(reviewId, organisationId, ct) is not { } read)
            return null;
        var chosen = personId is { } id ? read.Leads.Where(l => l.PersonId == id).ToList() : read.Leads.Where(l => l.IsBehind).ToList();
        if (chosen.Count == 0)
            return [];

        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new Dictionary<Guid, ChaseOutcome>();
        var toSend = new List<LeadProgress>();
        foreach (var lead in chosen)
        {
            if (ChaseRules.Unsendable(lead) is { } why)
                outcomes[lead.PersonId] = why;
            else
                toSend.Add(lead);
        }

        // A person's reminder goes to their account; two of the plan's people linked to one account get one e-mail
        // listing all their actions.
        var byUser = toSend.GroupBy(l => read.UserOf[l.PersonId]).ToList();
        var day = ChaseRules.ChaseKey(reviewId, "", now).Week;
        var userIds = byUser.Select(g => g.Key).ToList();
        var alreadyToday = (await db.SentReminders.AsNoTracking()
                .Where(s => s.ReviewId == reviewId && s.Kind == ReminderKind.Chase && s.Week == day && userIds.Contains(s.RecipientUserId))
                .Select(s => s.RecipientUserId)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var digests = new List<ReminderDigest>();
        foreach (var group in byUser)
        {
            if (alreadyToday.Contains(group.Key))
                continue;
            var account = read.Accounts[group.Key];
            var actions = read.Actions
                .Where(a => !a.Updated && a.LeadPersonIds.Any(p => read.UserOf.GetValueOrDefault(p) == group.Key))
                .Select(a => a.Action)
                .ToList();
            digests.Add(new ReminderDigest(
                ChaseRules.ChaseKey(reviewId, group.Key, now), account.Email!, account.Name, read.PlanTitle, read.ReviewLabel, actions, [], [], requestedBy));
        }

        // Nothing to send spares a connection to the mail server.
        var sent = digests.Count == 0 ? new Dictionary<ReminderKey, SendOutcome>() : await sender.SendNowAsync(digests, ct);
        foreach (var group in byUser)
        {
            var outcome = alreadyToday.Contains(group.Key)
                ? ChaseOutcome.AlreadyRemindedToday
                : sent.GetValueOrDefault(ChaseRules.ChaseKey(reviewId, group.Key, now), SendOutcome.NotSent) switch
                {
                    SendOutcome.Sent => ChaseOutcome.Sent,
                    SendOutcome.AlreadySent => ChaseOutcome.AlreadyRemindedToday,
                    _ => ChaseOutcome.NotSentMailServer,
                };
            foreach (var lead in group)
                outcomes[lead.PersonId] = outcome;
        }

        return chosen.Select(l => new ChaseResult(l.Name, outcomes[l.PersonId])).ToList();
    }

    private sealed record ActionRead(ActionToUpdate Action, IReadOnlyList<Guid> LeadPersonIds, bool Updated, DateTime? LastUpdateUtc);

    private sealed record AccountRead(string Id, string? Email, bool Deactivated, string Name);

    private sealed record ChaseRead(
        Guid PlanId,
        string PlanTitle,
        string ReviewLabel,
        IReadOnlyList<LeadProgress> Leads,
        IReadOnlyList<ActionRead> Actions,
        IReadOnlyDictionary<Guid, string> UserOf,
        IReadOnlyDictionary<string, AccountRead> Accounts);

    private async Task<ChaseRead?> ReadAsync(Guid reviewId, Guid organisationId, CancellationToken ct)
    {
        var found = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId && r.Status == ReviewStatus.Open)
            .Join(db.Plans.AsNoTracking().VisibleTo(organisationId), r => r.PlanId, p => p.Id, (r, p) => new { r.Label, Plan = p })
            .FirstOrDefaultAsync(ct);
        if (found is null || found.Plan.IsReadOnly)
            return null;
        var planId = found.Plan.Id;

        var actions = (await db.Actions.AsNoTracking()
                .Where(a => a.PlanId == planId)
                .OrderBy(a => a.Order)
                .Select(a => new
                {
                    a.Id,
                    a.Ref,
                    a.DoesWhat,
                    a.LeadsText,
                    Leads = a.Leads.Select(p => p.Id).ToList(),
                    Updated = a.Updates.Any(u => u.ReviewId == reviewId),
                    LastUpdate = a.Updates.Max(u => (DateTime?)u.RecordedAtUtc),
                })
                .ToListAsync(ct))
            .Select(a => new ActionRead(new ActionToUpdate(a.Id, a.Ref, a.DoesWhat, a.LeadsText), a.Leads, a.Updated, a.LastUpdate))
            .ToList();

        var people = await db.People.AsNoTracking().Where(p => p.PlanId == planId)
            .Select(p => new { p.Id, p.Name, p.Initials, p.UserId })
            .ToListAsync(ct);
        var linkedIds = people.Where(p => p.UserId != null).Select(p => p.UserId!).Distinct().ToList();
        var accounts = (await db.Users.AsNoTracking()
                .Where(u => linkedIds.Contains(u.Id) && u.OrganisationId == found.Plan.OrganisationId)
                .Select(u => new { u.Id, u.Email, Deactivated = u.DeactivatedAtUtc != null, u.DisplayName })
                .ToListAsync(ct))
            .ToDictionary(u => u.Id, u => new AccountRead(u.Id, u.Email, u.Deactivated, u.DisplayName != "" ? u.DisplayName : u.Email ?? ""), StringComparer.Ordinal);

        // What a linked person wrote counts as their updating, even on an action someone else leads.
        var written = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .SelectMany(a => a.Updates)
            .Where(u => u.AuthorUserId != null && linkedIds.Contains(u.AuthorUserId))
            .GroupBy(u => u.AuthorUserId!)
            .Select(g => new { UserId = g.Key, Last = g.Max(u => u.RecordedAtUtc) })
            .ToDictionaryAsync(x => x.UserId, x => x.Last, ct);

        var now = clock.GetUtcNow();
        var leads = new List<LeadProgress>();
        foreach (var person in people)
        {
            var theirs = actions.Where(a => a.LeadPersonIds.Contains(person.Id)).ToList();
            if (theirs.Count == 0)
                continue;
            var account = person.UserId is { } userId && accounts.TryGetValue(userId, out var a) ? a : null;
            DateTime? wrote = account is not null && written.TryGetValue(account.Id, out var w) ? w : null;
            var last = theirs.Select(t => t.LastUpdateUtc).Append(wrote).Max();
            leads.Add(new LeadProgress(
                person.Id,
                person.Name,
                person.Initials,
                // A link to an account outside the plan's council counts as none.
                ChaseRules.AccountOf(account is not null, account?.Email, account?.Deactivated ?? false),
                theirs.Count(t => !t.Updated),
                theirs.Count,
                last));
        }

        var userOf = people.Where(p => p.UserId != null && accounts.ContainsKey(p.UserId)).ToDictionary(p => p.Id, p => p.UserId!);
        return new ChaseRead(planId, found.Plan.Title, found.Label, ChaseRules.MostBehindFirst(leads), actions, userOf, accounts);
    }
}
