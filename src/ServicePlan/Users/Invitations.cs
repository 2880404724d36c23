using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicePlan.Audit;
using ServicePlan.Database;
using ServicePlan.Reminders;

namespace ServicePlan.Users;

public abstract record InvitationResult
{
    /// <summary>
    /// The account was made, in the Lead role with no password yet. <see cref="Link"/> is the path of the one-time link
    /// to set a password (<c>/users/set-password?…</c>; put the site's address in front to show it). When
    /// <see cref="Emailed"/> is false nobody has been sent it: show it once, to copy and pass on.
    /// </summary>
    public sealed record Created(string UserId, string Link, bool Emailed) : InvitationResult;

    /// <summary>Someone already has an account with this e-mail address (in this organisation or, when <see cref="InAnotherOrganisation"/>, another).</summary>
    public sealed record AlreadyExists(string UserId, bool InAnotherOrganisation) : InvitationResult
    {
        public string Message => AccountMessages.AlreadyExists;
    }

    /// <summary>The e-mail address or name cannot be used; <see cref="Message"/> says why, in GOV.UK words.</summary>
    public sealed record Invalid(string Message) : InvitationResult;
}

public abstract record PasswordLinkResult
{
    /// <summary>A one-time link to choose a password: see <see cref="InvitationResult.Created"/> for <see cref="Link"/> and <see cref="Emailed"/>.</summary>
    public sealed record Made(string Link, bool Emailed) : PasswordLinkResult;

    public sealed record NoSuchUser : PasswordLinkResult;
}

/// <summary>
/// Inviting someone by e-mail and sending password resets: both give the person a one-time link to
/// <c>/users/set-password</c>, e-mailed when the mail server is configured and otherwise returned to show once.
/// For the people page (invite a lead the plan names), the users admin pages and the command line alike.
/// </summary>
public sealed class Invitations(
    UserManager<ApplicationUser> users,
    ServicePlanDbContext db,
    IOptions<ReminderOptions> mail,
    IAuditActor actor,
    ILogger<Invitations> logger)
{
    /// <summary>The path of the page where a link is used.</summary>
    public const string SetPasswordPage = "/users/set-password";

    /// <summary>The link's path for this user and token; the page reads both back from the query.</summary>
    public static string SetPasswordPath(string userId, string token) =>
        $"{SetPasswordPage}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    /// <summary>
    /// Makes an account for <paramref name="email"/> in the Lead role, in <paramref name="organisationId"/>, with no
    /// password, and a one-time link for them to choose one; e-mails it when e-mail is configured.
    /// </summary>
    public async Task<InvitationResult> InviteAsync(Guid organisationId, string email, string displayName, CancellationToken ct = default)
    {
        if (EmailAddresses.Problem(email) is { } notAnAddress)
            return new InvitationResult.Invalid(notAnAddress);
        var address = email.Trim();
        var name = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim();
        if (name.Length > FieldLengths.PersonName)
            return new InvitationResult.Invalid($"Name must be {FieldLengths.PersonName} characters or fewer");

        if ((await users.FindByEmailAsync(address) ?? await users.FindByNameAsync(address)) is { } existing)
            return new InvitationResult.AlreadyExists(existing.Id, existing.OrganisationId != organisationId);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            return new InvitationResult.Invalid("The organisation does not exist");

        var user = new ApplicationUser
        {
            UserName = address,
            Email = address,
            DisplayName = name,
            OrganisationId = organisationId,
        };

        // The account and its role together, or neither: a Lead with no role would be an account nobody can use.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                var problem = AccountMessages.Describe(created.Errors);
                return problem.Contains(AccountMessages.AlreadyExists) && await users.FindByEmailAsync(address) is { } raced
                    ? new InvitationResult.AlreadyExists(raced.Id, raced.OrganisationId != organisationId)
                    : new InvitationResult.Invalid(string.Join(". ", problem));
            }

            var role = await users.AddToRoleAsync(user, Roles.Lead);
            if (!role.Succeeded)
                throw new InvalidOperationException("The Lead role could not be given: " + string.Join(" ", role.Errors.Select(e => e.Code)));
            await transaction.CommitAsync(ct);
        }

        var path = SetPasswordPath(user.Id, await users.GeneratePasswordResetTokenAsync(user));
        var settings = mail.Value;
        var emailed = AccountEmails.CanSend(settings)
            && await SendAsync(settings, AccountEmails.Invitation(settings, name, address, InvitedBy(), path), ct);
        return new InvitationResult.Created(user.Id, path, emailed);
    }

    /// <summary>A one-time link for a user of <paramref name="organisationId"/> to choose a new password, e-mailed when e-mail is configured.</summary>
    public async Task<PasswordLinkResult> SendPasswordResetAsync(Guid organisationId, string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.OrganisationId != organisationId)
            return new PasswordLinkResult.NoSuchUser();

        var path = SetPasswordPath(user.Id, await users.GeneratePasswordResetTokenAsync(user));
        var settings = mail.Value;
        var emailed = AccountEmails.CanSend(settings) && user.Email is { } address
            && await SendAsync(settings, AccountEmails.PasswordReset(settings, Named(user), address, path), ct);
        return new PasswordLinkResult.Made(path, emailed);
    }

    private static string Named(ApplicationUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;

    private string InvitedBy() => actor.UserId is null ? "Your ServicePlan administrator" : actor.Name;

    private async Task<bool> SendAsync(ReminderOptions settings, MimeKit.MimeMessage message, CancellationToken ct)
    {
        if (await AccountEmails.SendAsync(settings, message, ct))
            return true;

        // The link is shown instead, so nothing is lost; the address is personal data and stays out of the log.
        logger.LogWarning("Could not send an account e-mail through the mail server; the link is shown to copy instead.");
        return false;
    }
}
