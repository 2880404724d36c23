using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ServicePlan.Web.Security;

/// <summary>Signing in, with a deactivated account refused whichever way it is tried (password, single sign-on, a password link).</summary>
public sealed class ServicePlanSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => !user.IsDeactivated && await base.CanSignInAsync(user);
}

/// <summary>
/// Checks the sign-in cookie against the account on every request, so that an administrator's change applies on the
/// person's next request rather than when the cookie expires: a deactivated account, or one whose security stamp has
/// changed (deactivated, password reset), is signed out; a changed role replaces the cookie's roles. One small query.
/// </summary>
public static class SignedInAccountCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal is null || id is null)
            return;

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var db = services.GetRequiredService<ServicePlanDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.SecurityStamp,
                u.DeactivatedAtUtc,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);

        if (account is null || account.DeactivatedAtUtc is not null || account.SecurityStamp != principal.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var cookieRoles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!cookieRoles.SetEquals(account.Roles))
        {
            var signIn = services.GetRequiredService<SignInManager<ApplicationUser>>();
            var user = await signIn.UserManager.FindByIdAsync(id);
            if (user is null)
            {
                context.RejectPrincipal();
                return;
            }

            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
            context.ShouldRenew = true;
        }
    }
}
