using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Core.Access;
using ServicePlan.Core.Organisations;

namespace ServicePlan.Data.Users;

public abstract record AddUserResult
{
    /// <summary><see cref="GeneratedPassword"/> is set when none was given: show it once, it is not stored in clear.</summary>
    public sealed record Added(ApplicationUser User, string? GeneratedPassword) : AddUserResult;
    public sealed record Refused(IReadOnlyList<string> Errors) : AddUserResult;
}

/// <summary>Adding accounts, for the admin pages and `serviceplan users add` alike.</summary>
public sealed class UserAccounts(UserManager<ApplicationUser> users, ServicePlanDbContext db)
{
    public async Task<AddUserResult> AddAsync(string email, string? displayName, string role, Guid organisationId, string? password, CancellationToken ct = default)
    {
        if (!Roles.IsKnown(role))
            return new AddUserResult.Refused([$"\"{role}\" is not a role. Use one of: {string.Join(", ", Roles.All)}."]);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            return new AddUserResult.Refused(["The organisation does not exist."]);

        var generated = string.IsNullOrEmpty(password) ? GeneratePassword() : null;
        var user = new ApplicationUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            OrganisationId = organisationId,
            MustChangePassword = generated is not null,
        };
        var created = await users.CreateAsync(user, password is { Length: > 0 } ? password : generated!);
        if (!created.Succeeded)
            return new AddUserResult.Refused(created.Errors.Select(e => e.Description).ToList());
        await users.AddToRoleAsync(user, role);
        return new AddUserResult.Added(user, generated);
    }

    /// <summary>The organisation a first administrator belongs to: the only one there is, or a new one with this name.</summary>
    public async Task<Organisation> OrganisationForAsync(string? name, CancellationToken ct = default)
    {
        var all = await db.Organisations.ToListAsync(ct);
        var named = name is null ? null : all.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
            return named;
        if (name is null && all.Count == 1)
            return all[0];
        if (name is null && all.Count > 1)
            throw new InvalidOperationException($"There are {all.Count} organisations: say which with --organisation.");

        var organisation = new Organisation { Name = name ?? "Children's Services" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    // 20 characters from a 32-letter alphabet without look-alikes: about 100 bits, easy to type once.
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20);
}
