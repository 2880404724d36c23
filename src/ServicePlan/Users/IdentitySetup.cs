using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Users;

/// <summary>One account policy for the web app and the CLI.</summary>
public static class IdentitySetup
{
    public static void Configure(IdentityOptions options)
    {
        // NCSC guidance: length over complexity rules, and lock out guessing.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.RequireUniqueEmail = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;

        // Invitations and password resets: a link that works once, for a week (see PasswordLinkTokenProvider).
        options.Tokens.PasswordResetTokenProvider = PasswordLinkTokenProvider.Name;
    }
}
