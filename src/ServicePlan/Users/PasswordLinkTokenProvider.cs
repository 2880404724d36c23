using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ServicePlan.Users;

/// <summary>
/// The token in an invitation's or a password reset's link. Like Identity's own data-protection tokens it carries when
/// it was made, the user, its purpose and the account's security stamp, encrypted and signed; unlike them it reads the
/// app's <see cref="TimeProvider"/>, so its lifetime follows the clock tests set, and it is already URL-safe.
/// Setting the password changes the security stamp, so a link works once.
/// </summary>
public sealed class PasswordLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "PasswordLink";

    /// <summary>Long enough for someone away for a week to use their invitation; short enough that an old e-mail is no key.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = protection.CreateProtector("ServicePlan.Users.PasswordLink");

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        using var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }

        return WebEncoders.Base64UrlEncode(_protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        byte[] plain;
        try
        {
            plain = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(plain), Encoding.UTF8);
            var made = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var now = clock.GetUtcNow();
            if (now > made + Lifetime || made > now + TimeSpan.FromMinutes(5))
                return false;
            return reader.ReadString() == await manager.GetUserIdAsync(user)
                && reader.ReadString() == purpose
                && reader.ReadString() == (await manager.GetSecurityStampAsync(user) ?? "")
                && reader.PeekChar() == -1;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);
}
