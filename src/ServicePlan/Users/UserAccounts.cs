using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Users;

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
        if (EmailAddresses.Problem(email) is { } notAnAddress)
            return new AddUserResult.Refused([notAnAddress + "."]);
        if (Roles.Parse(role) is not { } stored)
            return new AddUserResult.Refused([$"\"{role}\" is not a role. Use one of: {Roles.DisplayNames}."]);
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
            return new AddUserResult.Refused(AccountMessages.Describe(created.Errors).Select(e => e + ".").ToList());
        await users.AddToRoleAsync(user, stored);
        return new AddUserResult.Added(user, generated);
    }

    // 20 characters from a 32-letter alphabet without look-alikes: about 100 bits, easy to type once.
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 20);
}
