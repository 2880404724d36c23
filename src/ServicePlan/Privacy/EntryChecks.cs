using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Privacy;

/// <summary>Who is saving, for the record of a confirmation.</summary>
public sealed record EntryAuthor(string? UserId, string Name, Guid OrganisationId);

/// <summary>
/// <see cref="EntryCheck"/> against the database: the names a text may carry are the plan's (or, for the organisation's
/// own pages, the organisation's), the same ones the public report and "You said, we did" allow.
/// </summary>
public sealed class EntryChecks(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>Checks texts that belong to a plan. <paramref name="alsoKnown"/> adds names the text may carry, such as a report's author.</summary>
    public async Task<IReadOnlyList<EntryFinding>> ForPlanAsync(Guid planId, IEnumerable<EnteredText> texts, CancellationToken ct = default, KnownNames? alsoKnown = null)
    {
        var entered = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (entered.Count == 0)
            return [];
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        var known = await PublicNames.ForPlanAsync(db, plan, ct);
        return EntryCheck.Check(entered, With(known, alsoKnown));
    }

    /// <summary>Checks texts that belong to the organisation rather than one plan: its "You said, we did" page.</summary>
    public async Task<IReadOnlyList<EntryFinding>> ForOrganisationAsync(Guid organisationId, IEnumerable<EnteredText> texts, CancellationToken ct = default)
    {
        var entered = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (entered.Count == 0)
            return [];
        return EntryCheck.Check(entered, await PublicNames.ForOrganisationAsync(db, organisationId, ct));
    }

    /// <summary>
    /// Records that <paramref name="author"/> confirmed the findings and saved the text as written. Nothing is written
    /// here: the records join the request's unit of work and are saved by the same SaveChanges, and so the same
    /// transaction, as the text they confirm. If that save does not happen, call <see cref="Forget"/>.
    /// </summary>
    /// <param name="where">Where the texts are, in users' words ("Action 2.1"); each finding's field is added to it.</param>
    public void Confirm(IEnumerable<EntryFinding> findings, string reason, EntryAuthor author, string where, Guid? planId, Guid? actionId = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(author);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var finding in findings)
        {
            db.PersonalDataConfirmations.Add(new PersonalDataConfirmation
            {
                OrganisationId = author.OrganisationId,
                PlanId = planId,
                ActionId = actionId,
                Where = Cut($"{where} – {finding.Field}", 400),
                Found = Cut(finding.Found, 400),
                Kind = finding.Kind,
                Reason = reason.Trim(),
                ConfirmedBy = Cut(author.Name, 200),
                ConfirmedByUserId = author.UserId,
                ConfirmedAtUtc = now,
            });
        }
    }

    /// <summary>Drops confirmations not yet saved, when the save they belonged to was refused (a conflict, a closed plan).</summary>
    public void Forget()
    {
        foreach (var entry in db.ChangeTracker.Entries<PersonalDataConfirmation>().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>Where an action's texts are, in users' words: "Action 2.1".</summary>
    public static string PlaceOfAction(string? actionRef) => string.IsNullOrWhiteSpace(actionRef) ? "Action" : $"Action {actionRef.Trim()}";

    private static KnownNames With(KnownNames known, KnownNames? more) => more is null
        ? known
        : known with
        {
            People = known.People.Concat(more.People).ToList(),
            Organisations = known.Organisations.Concat(more.Organisations).ToList(),
            AllowedEmails = known.AllowedEmails.Concat(more.AllowedEmails).ToList(),
            AllowedPhoneNumbers = known.AllowedPhoneNumbers.Concat(more.AllowedPhoneNumbers).ToList(),
        };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
