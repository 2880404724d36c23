using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Reviews;

namespace ServicePlan.Reminders;

/// <summary>
/// Works out which reminder e-mails are due now, from the open reviews, who has updated what, and what was already
/// sent; <see cref="ReminderSchedule"/> makes the decisions. Reads only: sending is claimed in <see cref="ReminderLedger"/>.
/// </summary>
public sealed class ReminderPlanner(ServicePlanDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReminderDigest>> DueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Open && r.OpenedAtUtc != null)
            .Join(db.Plans.Where(p => p.Status == PlanStatus.Open && p.ArchivedAtUtc == null), r => r.PlanId, p => p.Id, (r, p) => new { Review = r, PlanTitle = p.Title })
            .ToListAsync(ct);

        var digests = new List<ReminderDigest>();
        foreach (var open in reviews)
            digests.AddRange(await DueForAsync(open.Review, open.PlanTitle, now, ct));
        return digests;
    }

    private async Task<IReadOnlyList<ReminderDigest>> DueForAsync(Review review, string planTitle, DateTime now, CancellationToken ct)
    {
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == review.PlanId && !a.Updates.Any(u => u.ReviewId == review.Id))
            .OrderBy(a => a.Order)
            .Select(a => new
            {
                Action = new ActionToUpdate(a.Id, a.Ref, a.DoesWhat, a.LeadsText),
                LeadUserIds = a.Leads.Where(p => p.UserId != null).Select(p => p.UserId!).ToList(),
            })
            .ToListAsync(ct);

        var userIds = actions.SelectMany(a => a.LeadUserIds).Append(review.OpenedByUserId ?? "").Distinct().ToList();
        // Only accounts with an address can be reminded; the owner hears about the others' actions instead.
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null && u.Email != "" && u.DeactivatedAtUtc == null)
            .Select(u => new { u.Id, Email = u.Email!, Name = u.DisplayName != "" ? u.DisplayName : u.Email! })
            .ToDictionaryAsync(u => u.Id, ct);

        var byLead = actions
            .SelectMany(a => a.LeadUserIds.Where(users.ContainsKey).Select(id => (UserId: id, a.Action)))
            .GroupBy(x => x.UserId, x => x.Action)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ActionToUpdate>)g.ToList());

        var sent = await db.SentReminders.AsNoTracking()
            .Where(s => s.ReviewId == review.Id)
            .Select(s => new { s.ReviewId, s.RecipientUserId, s.Kind, s.Week, s.SentAtUtc })
            .ToListAsync(ct);

        var owner = review.OpenedByUserId is { } ownerId && users.ContainsKey(ownerId) ? ownerId : null;
        var due = ReminderSchedule.Due(
            new OpenReviewForReminders(review.Id, review.OpenedAtUtc!.Value, owner),
            byLead.Select(l => new LeadToRemind(l.Key, l.Value.Count)),
            actions.Count,
            sent.Select(s => new ReminderAlreadySent(new ReminderKey(s.ReviewId, s.RecipientUserId, s.Kind, s.Week), s.SentAtUtc)),
            now);

        IReadOnlyList<LeadStillToUpdate> NotUpdated() => byLead
            .Select(l => new LeadStillToUpdate(users[l.Key].Name, l.Value))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();

        return due.Select(key =>
        {
            var recipient = users[key.RecipientUserId];
            return key.Kind == ReminderKind.OwnerDigest
                ? new ReminderDigest(key, recipient.Email, recipient.Name, planTitle, review.Label, [], NotUpdated(),
                    actions.Where(a => !a.LeadUserIds.Any(users.ContainsKey)).Select(a => a.Action).ToList())
                : new ReminderDigest(key, recipient.Email, recipient.Name, planTitle, review.Label, byLead[key.RecipientUserId], [], []);
        }).ToList();
    }
}
