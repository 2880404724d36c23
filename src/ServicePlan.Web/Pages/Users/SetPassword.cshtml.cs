using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePlan.Web.Pages.Users;

/// <summary>
/// Where an invitation's or a password reset's one-time link leads: the person chooses a password (the same rules as
/// changing it) and is signed in. A link that has been used, has expired or was never right says so, and what to do.
/// </summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signInManager, IOptions<IdentityOptions> identity, UserAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetPasswordInput Input { get; set; } = new();

    /// <summary>The link cannot be used: used already, expired, or not a link this app made.</summary>
    public bool LinkNotValid { get; private set; }

    /// <summary>The password has just been set; <see cref="SignedIn"/> whether the person is now signed in.</summary>
    public bool Done { get; private set; }

    public bool SignedIn { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool done = false, bool signedIn = false)
    {
        if (done)
        {
            (Done, SignedIn) = (true, signedIn);
            return Page();
        }

        var user = await ValidUserAsync();
        LinkNotValid = user is null;
        Email = user?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await ValidUserAsync();
        if (user is null)
        {
            LinkNotValid = true;
            return Page();
        }

        Email = user.Email;
        if (string.IsNullOrEmpty(Input.NewPassword))
            ModelState.AddModelError("Input.NewPassword", "Enter a password");
        else if (Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "The passwords do not match");
        if (!ModelState.IsValid)
            return Page();

        var result = await users.ResetPasswordAsync(user, Token!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                LinkNotValid = true;
                return Page();
            }

            foreach (var error in AccountMessages.Describe(result.Errors))
                ModelState.AddModelError("Input.NewPassword", error);
            return Page();
        }

        // Choosing the password shows they have the mailbox (or the link someone passed on to them), and ends any lock-out.
        user.MustChangePassword = false;
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);

        var signedIn = await signInManager.CanSignInAsync(user);
        if (signedIn)
        {
            await signInManager.SignInAsync(user, isPersistent: false);
            await administration.RecordSignInAsync(user.Id, HttpContext.RequestAborted);
        }

        return Redirect(Links.SetPasswordDone(signedIn));
    }

    private async Task<ApplicationUser?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
            return null;
        var user = await users.FindByIdAsync(UserId);
        return user is { IsDeactivated: false }
            && await users.VerifyUserTokenAsync(user, identity.Value.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, Token)
            ? user
            : null;
    }
}

public sealed class SetPasswordInput
{
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}
