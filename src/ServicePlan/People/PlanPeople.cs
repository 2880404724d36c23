using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;

namespace ServicePlan.People;

/// <summary>A person the plan names, as the people page lists them: how many actions they lead, and their account if linked.</summary>
/// <param name="Actions">How many of the plan's actions (not removed) they lead.</param>
public sealed record PersonRow(Guid Id, string Name, string Initials, string? Role, int Actions, string? UserId, string? UserEmail, string? UserName, int Version)
{
    public bool IsLinked => UserId is not null;

    /// <summary>"Head of Service (HoS)", or just the name when the plan names them only by it.</summary>
    public string Label => PersonNames.Key(Name) == PersonNames.Key(Initials) ? Name : $"{Name} ({Initials})";
}

public sealed record PlanPeopleList(Plan Plan, IReadOnlyList<PersonRow> People)
{
    public PersonRow? Find(Guid personId) => People.FirstOrDefault(p => p.Id == personId);
}

public abstract record PeopleResult
{
    /// <summary>Done; <see cref="Message"/> is the success banner's sentence.</summary>
    public sealed record Done(string Message) : PeopleResult;

    public sealed record NotFound : PeopleResult;

    /// <summary>The plan is archived or closed; <see cref="Message"/> says so.</summary>
    public sealed record PlanClosed(string Message) : PeopleResult;

    /// <summary>The change cannot be made (no such account, linked elsewhere); nothing was written.</summary>
    public sealed record Refused(string Message) : PeopleResult;

    /// <summary>Someone changed the person after the form was opened; nothing was written.</summary>
    public sealed record Stale(string Message) : PeopleResult;
}

/// <summary>An action a lead leads, for their team page.</summary>
public sealed record LedAction(Guid Id, string Ref, string DoesWhat, string DueText);

/// <summary>A plan in which the signed-in user leads actions, with those actions in plan order.</summary>
public sealed record LedPlan(Guid PlanId, string Title, FinancialYear Period, bool IsReadOnly, IReadOnlyList<string> NamedAs, IReadOnlyList<LedAction> Actions);

/// <summary>
/// A plan's people: listed with their actions and accounts, linked to and unlinked from accounts of the organisation,
/// and merged when the plan named one person twice. Each command is one SaveChanges (or one transaction), audited in words.
/// </summary>
public sealed class PlanPeople(ServicePlanDbContext db)
{
    public async Task<PlanPeopleList?> ListAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return null;
        var people = await db.People.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        var counts = await db.Actions.Where(a => a.PlanId == planId)
            .SelectMany(a => a.Leads.Select(l => l.Id))
            .GroupBy(id => id)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var userIds = people.Where(p => p.UserId != null).Select(p => p.UserId!).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, ct);
        var rows = people
            .Select(p => new PersonRow(
                p.Id, p.Name, p.Initials, p.Role, counts.GetValueOrDefault(p.Id), p.UserId,
                p.UserId is { } u && users.TryGetValue(u, out var user) ? user.Email : null,
                p.UserId is { } v && users.TryGetValue(v, out var named) ? named.DisplayName : null,
                p.Version))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new PlanPeopleList(plan, rows);
    }

    /// <summary>Links the person to the organisation's account with this e-mail address, so they can update the actions they lead.</summary>
    public async Task<PeopleResult> LinkAsync(Guid planId, Guid personId, Guid organisationId, string? email, int version, CancellationToken ct = default)
    {
        var (person, refused) = await FindAsync(planId, personId, organisationId, version, ct);
        if (refused is not null)
            return refused;
        var address = (email ?? "").Trim();
        if (address.Length == 0)
            return new PeopleResult.Refused("Enter the e-mail address of the account to link");
        var normalised = address.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.OrganisationId == organisationId && u.NormalizedEmail == normalised, ct);
        if (user is null)
            return new PeopleResult.Refused($"There is no account with the e-mail address {address} in your organisation");
        return await LinkAsync(person!, user, ct);
    }

    /// <summary>Links the person to an account just made for them (an invitation), found by its id in the organisation.</summary>
    public async Task<PeopleResult> LinkToAccountAsync(Guid planId, Guid personId, Guid organisationId, string userId, int version, CancellationToken ct = default)
    {
        var (person, refused) = await FindAsync(planId, personId, organisationId, version, ct);
        if (refused is not null)
            return refused;
        var user = await db.Users.FirstOrDefaultAsync(u => u.OrganisationId == organisationId && u.Id == userId, ct);
        return user is null ? new PeopleResult.NotFound() : await LinkAsync(person!, user, ct);
    }

    private async Task<PeopleResult> LinkAsync(PlanPerson person, Users.ApplicationUser user, CancellationToken ct)
    {
        if (person.UserId == user.Id)
            return new PeopleResult.Done($"{person.Name} is already linked to {user.DisplayName}");
        // A deactivated account cannot sign in, so a lead linked to it could never update their actions.
        if (user.DeactivatedAtUtc is not null)
            return new PeopleResult.Refused($"The account of {user.DisplayName} ({user.Email}) is deactivated: reactivate it on the Users page first, or link another account");

        person.UserId = user.Id;
        person.Version++;
        db.Summarise(person, $"{person.Name} linked to the account of {user.DisplayName} ({user.Email})");
        return await SaveAsync($"{person.Name} is now linked to {user.DisplayName} ({user.Email})", ct);
    }

    public async Task<PeopleResult> UnlinkAsync(Guid planId, Guid personId, Guid organisationId, int version, CancellationToken ct = default)
    {
        var (person, refused) = await FindAsync(planId, personId, organisationId, version, ct);
        if (refused is not null)
            return refused;
        if (person!.UserId is null)
            return new PeopleResult.Done($"{person.Name} is not linked to an account");
        var user = await db.Users.AsNoTracking().Where(u => u.Id == person.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "their account";
        person.UserId = null;
        person.Version++;
        db.Summarise(person, $"{person.Name} unlinked from the account of {user}");
        return await SaveAsync($"{person.Name} is no longer linked to {user}", ct);
    }

    /// <summary>
    /// Merges one person into another of the same plan: the actions the one led (removed ones too, so that a restored
    /// action keeps its lead) are led by the other, once; the merged person leaves the plan's people. Their account
    /// link and role pass to the kept person when it has none.
    /// </summary>
    public async Task<PeopleResult> MergeAsync(Guid planId, Guid mergedId, int mergedVersion, Guid intoId, int intoVersion, Guid organisationId, CancellationToken ct = default)
    {
        if (mergedId == intoId)
            return new PeopleResult.Refused("Choose someone else to merge into");
        var (merged, refused) = await FindAsync(planId, mergedId, organisationId, mergedVersion, ct);
        if (refused is not null)
            return refused;
        var into = await db.People.FirstOrDefaultAsync(p => p.Id == intoId && p.PlanId == planId, ct);
        if (into is null)
            return new PeopleResult.Refused("Choose who to merge into from the plan's people");
        if (into.Version != intoVersion)
            return Stale(into);
        if (merged!.UserId is not null && into.UserId is not null && merged.UserId != into.UserId)
            return new PeopleResult.Refused($"{merged.Name} and {into.Name} are linked to different accounts. Unlink one of them first.");

        var actions = await db.Actions.IgnoreQueryFilters().Include(a => a.Leads)
            .Where(a => a.PlanId == planId && a.Leads.Any(l => l.Id == mergedId))
            .ToListAsync(ct);
        foreach (var action in actions)
        {
            action.Leads.RemoveAll(l => l.Id == mergedId);
            if (!action.Leads.Any(l => l.Id == intoId))
                action.Leads.Add(into);
        }

        into.UserId ??= merged.UserId;
        into.Role ??= merged.Role;
        into.Version++;
        db.People.Remove(merged);

        db.ChangeTracker.DetectChanges();
        var byId = actions.ToDictionary(a => a.Id);
        foreach (var link in db.ChangeTracker.Entries().Where(e => e.Metadata.ShortName() == "ActionLeads" && e.State is EntityState.Added or EntityState.Deleted).ToList())
        {
            var action = byId.GetValueOrDefault((Guid)link.Property("PlanActionId").CurrentValue!);
            var name = action is null ? "an action" : PlanStructure.InSentence(PlanStructure.ActionName(action));
            db.Summarise(link.Entity, link.State == EntityState.Added
                ? $"{into.Name} now leads {name}, merged from {merged.Name}"
                : $"{merged.Name} no longer leads {name}, merged into {into.Name}");
        }

        var count = actions.Count(a => a.RemovedAtUtc is null);
        db.Summarise(merged, $"{merged.Name} ({merged.Initials}) merged into {into.Name} ({into.Initials})");
        db.Summarise(into, $"{into.Name} now leads the actions {merged.Name} led");
        return await SaveAsync($"{merged.Name} merged into {into.Name}: {into.Name} now leads {count} {(count == 1 ? "action" : "actions")} that {merged.Name} led", ct);
    }

    /// <summary>The plans and actions the user leads, through the people linked to their account, newest plans first.</summary>
    public async Task<IReadOnlyList<LedPlan>> LedByAsync(string userId, Guid organisationId, CancellationToken ct = default)
    {
        var people = await db.People.AsNoTracking()
            .Where(p => p.UserId == userId && db.Plans.Any(plan => plan.Id == p.PlanId && plan.OrganisationId == organisationId))
            .ToListAsync(ct);
        if (people.Count == 0)
            return [];
        var planIds = people.Select(p => p.PlanId).Distinct().ToList();
        var personIds = people.Select(p => p.Id).ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => planIds.Contains(a.PlanId) && a.Leads.Any(l => personIds.Contains(l.Id)))
            .OrderBy(a => a.Order)
            .Select(a => new { a.PlanId, a.Id, a.Ref, a.DoesWhat, a.DueText })
            .ToListAsync(ct);
        return plans
            .OrderByDescending(p => p.Period.StartYear).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => new LedPlan(
                p.Id, p.Title, p.Period, p.IsReadOnly,
                people.Where(person => person.PlanId == p.Id).Select(person => new PersonRow(person.Id, person.Name, person.Initials, null, 0, null, null, null, 0).Label).ToList(),
                actions.Where(a => a.PlanId == p.Id).Select(a => new LedAction(a.Id, a.Ref, a.DoesWhat, a.DueText)).ToList()))
            .ToList();
    }

    private async Task<(PlanPerson? Person, PeopleResult? Refused)> FindAsync(Guid planId, Guid personId, Guid organisationId, int version, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        var person = plan is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.PlanId == planId, ct);
        if (plan is null || person is null)
            return (null, new PeopleResult.NotFound());
        if (plan.IsReadOnly)
            return (null, new PeopleResult.PlanClosed($"{plan.ReadOnlyBecause}, so its people can no longer be changed"));
        if (person.Version != version)
            return (null, Stale(person));
        return (person, null);
    }

    private static PeopleResult.Stale Stale(PlanPerson person) =>
        new($"Someone else changed {person.Name} while you were looking. The page now shows what they did; try again if it is still needed.");

    private async Task<PeopleResult> SaveAsync(string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new PeopleResult.Done(message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new PeopleResult.Stale("Someone else changed this person at the same time. Nothing was saved; the page now shows what they did.");
        }
    }
}
