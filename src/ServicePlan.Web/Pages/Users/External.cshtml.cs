using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ServicePlan.Web.Security;

namespace ServicePlan.Web.Pages.Users;

/// <summary>
/// Single sign-on: sends the person to the council's identity provider, and on their return signs them in to the
/// ServicePlan account with their e-mail address. Someone with no account is told to ask for one, never given one.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ExternalModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> users, SingleSignOnSettings settings, UserAdministration administration) : PageModel
{
    public string? Problem { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (!settings.Enabled)
            return NotFound();
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : Links.Plans();
        var properties = signInManager.ConfigureExternalAuthenticationProperties(SingleSignOnSettings.Scheme, Links.ExternalSignInCallback(back!));
        return Challenge(properties, SingleSignOnSettings.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        if (!settings.Enabled)
            return NotFound();
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : Links.Plans();
        var login = await signInManager.GetExternalLoginInfoAsync();
        if (login is null)
        {
            Problem = "The council's sign-in did not complete. Try again.";
            return Page();
        }

        var linked = await signInManager.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (linked.Succeeded)
        {
            if (await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey) is { } known)
                await administration.RecordSignInAsync(known.Id, HttpContext.RequestAborted);
            return LocalRedirect(back);
        }

        if (linked.IsLockedOut)
        {
            Problem = "Your ServicePlan account is locked. Try again in 15 minutes.";
            return Page();
        }

        // First time: the council's directory vouches for the e-mail address, which must already have an account.
        var email = login.Principal.FindFirstValue("email") ?? login.Principal.FindFirstValue("preferred_username") ?? login.Principal.FindFirstValue(ClaimTypes.Email);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            Problem = "Your council account is not set up in ServicePlan. Ask your ServicePlan administrator to add you.";
            return Page();
        }

        if (!await signInManager.CanSignInAsync(user))
        {
            Problem = "Your ServicePlan account has been deactivated. Ask your ServicePlan administrator if you need it again.";
            return Page();
        }

        await users.AddLoginAsync(user, login);
        await signInManager.SignInAsync(user, isPersistent: false);
        await administration.RecordSignInAsync(user.Id, HttpContext.RequestAborted);
        return LocalRedirect(back);
    }
}
