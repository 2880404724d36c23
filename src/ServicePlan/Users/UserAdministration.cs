using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Users;

/// <summary>One account as the users pages and `serviceplan users list` show it. <see cref="Role"/> is the stored role name.</summary>
public sealed record UserSummary(
    string Id, string Email, string Name, string Role, bool Deactivated, DateTime? LastSignInAtUtc, DateTime? LockedUntilUtc, bool HasPassword, string ConcurrencyStamp)
{
    public string RoleName => Roles.DisplayName(Role);
}

public abstract record UserChangeResult
{
    public sealed record Done(string Message) : UserChangeResult;
    public sealed record NoSuchUser : UserChangeResult;

    /// <summary>Someone else changed the account since the form was opened: nothing was saved.</summary>
    public sealed record Conflict : UserChangeResult
    {
        public string Message => AccountMessages.SomeoneElseChanged;
    }

    public sealed record Refused(string Message) : UserChangeResult;
}

/// <summary>
/// An administrator's changes to accounts: role, deactivation, reactivation, unlocking. Each is one save, refused when
/// someone else changed the account since the form showed it (Identity's ConcurrencyStamp), and never leaves an
/// organisation without an active administrator. For the users pages and the command line alike.
/// </summary>
public sealed class UserAdministration(ServicePlanDbContext db, TimeProvider clock)
{
    public const string LastAdministrator = "This is the only active Administrator. Make someone else an Administrator first";
    public const string NotYourself = "You cannot deactivate your own account";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(Guid? organisationId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .Where(u => organisationId == null || u.OrganisationId == organisationId)
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.DeactivatedAtUtc,
                u.LastSignInAtUtc,
                u.LockoutEnd,
                u.PasswordHash,
                u.ConcurrencyStamp,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new UserSummary(
                u.Id, u.Email ?? "", u.DisplayName, Strongest(u.Roles), u.DeactivatedAtUtc is not null, u.LastSignInAtUtc,
                u.LockoutEnd > now ? u.LockoutEnd.Value.UtcDateTime : null, u.PasswordHash is not null, u.ConcurrencyStamp ?? ""))
            .ToList();
    }

    public async Task<UserSummary?> FindAsync(Guid? organisationId, string userId, CancellationToken ct = default) =>
        (await ListAsync(organisationId, ct)).FirstOrDefault(u => u.Id == userId);

    /// <summary>The account with this e-mail address (any case), in any organisation: for the command line.</summary>
    public async Task<UserSummary?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        var normalised = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await FindAsync(null, id, ct);
    }

    /// <param name="expectedStamp">The account's ConcurrencyStamp when the form was opened; null to skip the check (the command line).</param>
    public async Task<UserChangeResult> ChangeRoleAsync(Guid? organisationId, string userId, string role, string? expectedStamp, CancellationToken ct = default)
    {
        if (Roles.Parse(role) is not { } stored)
            return new UserChangeResult.Refused($"\"{role}\" is not a role. Use one of: {Roles.DisplayNames}");
        return await ChangeAsync(organisationId, userId, expectedStamp, async (user, current) =>
        {
            if (current.Count == 1 && current[0].Name == stored)
                return $"{Named(user)} is already {Roles.DisplayName(stored)}";
            if (stored != Roles.Admin && await IsLastActiveAdministratorAsync(user, current, ct))
                return null;

            var roleId = await db.Roles.Where(r => r.Name == stored).Select(r => r.Id).SingleAsync(ct);
            foreach (var (link, name) in current)
            {
                db.UserRoles.Remove(link);
                db.Summarise(link, $"{Named(user)} is no longer {Roles.DisplayName(name)}");
            }

            var added = new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId };
            db.UserRoles.Add(added);
            db.Summarise(added, $"{Named(user)} is now {Roles.DisplayName(stored)}");
            var before = current.Count == 0 ? "no role" : string.Join(", ", current.Select(c => Roles.DisplayName(c.Name)));
            db.Summarise(user, $"Role of {Named(user)} changed from {before} to {Roles.DisplayName(stored)}");
            return $"{Named(user)} is now {Roles.DisplayName(stored)}";
        }, ct);
    }

    /// <param name="actingUserId">The administrator doing it, who may not deactivate themselves; null for the command line.</param>
    public Task<UserChangeResult> DeactivateAsync(Guid? organisationId, string userId, string? expectedStamp, string? actingUserId, CancellationToken ct = default) =>
        ChangeAsync(organisationId, userId, expectedStamp, async (user, current) =>
        {
            if (user.IsDeactivated)
                return $"{Named(user)} is already deactivated";
            if (user.Id == actingUserId)
                throw new RefusedException(NotYourself);
            if (await IsLastActiveAdministratorAsync(user, current, ct))
                return null;

            user.DeactivatedAtUtc = clock.GetUtcNow().UtcDateTime;
            // A new security stamp ends every session now, and keeps them ended if the account is reactivated.
            user.SecurityStamp = Guid.NewGuid().ToString();
            db.Summarise(user, $"{Named(user)} deactivated");
            return $"{Named(user)} has been deactivated. They cannot sign in or use their API keys";
        }, ct);

    public Task<UserChangeResult> ReactivateAsync(Guid? organisationId, string userId, string? expectedStamp, CancellationToken ct = default) =>
        ChangeAsync(organisationId, userId, expectedStamp, (user, _) =>
        {
            if (!user.IsDeactivated)
                return Task.FromResult<string?>($"{Named(user)} is already active");
            user.DeactivatedAtUtc = null;
            db.Summarise(user, $"{Named(user)} reactivated");
            return Task.FromResult<string?>($"{Named(user)} has been reactivated and can sign in again");
        }, ct);

    /// <summary>Ends a lock-out after too many wrong passwords.</summary>
    public Task<UserChangeResult> UnlockAsync(Guid? organisationId, string userId, string? expectedStamp, CancellationToken ct = default) =>
        ChangeAsync(organisationId, userId, expectedStamp, (user, _) =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            db.Summarise(user, $"{Named(user)} unlocked");
            return Task.FromResult<string?>($"{Named(user)} has been unlocked and can try their password again");
        }, ct);

    /// <summary>
    /// Records a sign-in. One UPDATE, outside the audit trail and the ConcurrencyStamp: signing in changes nobody's
    /// account, and must not make an administrator's open form look out of date.
    /// </summary>
    public Task RecordSignInAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAtUtc, now), ct);
    }

    /// <summary>The one role an account has; the strongest when (from before roles were exclusive) it has several.</summary>
    public static string Strongest(IReadOnlyCollection<string> roles) => Roles.All.FirstOrDefault(roles.Contains) ?? "";

    private static string Named(ApplicationUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;

    private sealed class RefusedException(string message) : Exception(message);

    // Null from the change means "refused: last administrator".
    private async Task<UserChangeResult> ChangeAsync(
        Guid? organisationId, string userId, string? expectedStamp,
        Func<ApplicationUser, IReadOnlyList<(IdentityUserRole<string> Link, string Name)>, Task<string?>> change, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && (organisationId == null || u.OrganisationId == organisationId), ct);
        if (user is null)
            return new UserChangeResult.NoSuchUser();
        if (expectedStamp is not null && expectedStamp != user.ConcurrencyStamp)
            return new UserChangeResult.Conflict();

        var current = (await db.UserRoles.Where(ur => ur.UserId == user.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { Link = ur, r.Name })
                .ToListAsync(ct))
            .Select(x => (x.Link, x.Name ?? "")).ToList();
        string? message;
        try
        {
            message = await change(user, current);
        }
        catch (RefusedException refused)
        {
            return new UserChangeResult.Refused(refused.Message);
        }

        if (message is null)
            return new UserChangeResult.Refused(LastAdministrator);
        if (!db.ChangeTracker.HasChanges())
            return new UserChangeResult.Done(message);

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new UserChangeResult.Conflict();
        }

        return new UserChangeResult.Done(message);
    }

    private async Task<bool> IsLastActiveAdministratorAsync(ApplicationUser user, IReadOnlyList<(IdentityUserRole<string> Link, string Name)> current, CancellationToken ct)
    {
        if (user.IsDeactivated || current.All(c => c.Name != Roles.Admin))
            return false;
        var others = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => u)
            .CountAsync(u => u.Id != user.Id && u.OrganisationId == user.OrganisationId && u.DeactivatedAtUtc == null, ct);
        return others == 0;
    }
}
