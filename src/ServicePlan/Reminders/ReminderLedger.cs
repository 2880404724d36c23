using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Reminders;

/// <summary>
/// The record of reminder e-mails sent. An e-mail is claimed (its row written and committed) before it is sent:
/// the unique index lets only one claim through, whatever restarts or second copies of the app do. If the app
/// stops between claiming and sending, that e-mail is lost; the other order (send, then record) would send it
/// again after a restart, and a missed reminder is followed by next week's, while a duplicate cannot be taken back.
/// </summary>
public sealed class ReminderLedger(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>True when this caller may send it; false when it was already claimed.</summary>
    public async Task<bool> ClaimAsync(ReminderKey key, CancellationToken ct = default)
    {
        var row = new SentReminder
        {
            ReviewId = key.ReviewId,
            RecipientUserId = key.RecipientUserId,
            Kind = key.Kind,
            Week = key.Week,
            SentAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SentReminders.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Claimed by someone else since we looked (or the review was deleted): not ours to send.
            return false;
        }
        finally
        {
            // A failed insert would otherwise be retried with the next claim's save.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Gives a claim back when the mail server refused the e-mail, so the next check tries it again.</summary>
    public async Task ReleaseAsync(ReminderKey key, CancellationToken ct = default) =>
        await db.SentReminders
            .Where(s => s.ReviewId == key.ReviewId && s.RecipientUserId == key.RecipientUserId && s.Kind == key.Kind && s.Week == key.Week)
            .ExecuteDeleteAsync(ct);
}
