using Microsoft.AspNetCore.Identity;
using ServicePlan.Web.Security;

namespace ServicePlan.Web.Pages.Users;

public sealed class SignInModel(SignInManager<ApplicationUser> signInManager, SingleSignOnSettings singleSignOn, UserAdministration administration) : PageModel
{
    public SingleSignOnSettings SingleSignOn => singleSignOn;

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (EmailAddresses.Problem(Input.Email, "Enter your email address") is { } notAnAddress)
            ModelState.AddModelError("Input.Email", notAnAddress);
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", "Enter your password");
        if (!ModelState.IsValid)
            return Page();

        var result = await signInManager.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (await signInManager.UserManager.FindByEmailAsync(Input.Email!.Trim()) is { } user)
                await administration.RecordSignInAsync(user.Id, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Links.Plans());
        }

        // One message for unknown email and wrong password, so sign-in does not reveal who has an account.
        ModelState.AddModelError("Input.Email", result.IsLockedOut
            ? "Your account is locked after too many failed attempts. Try again in 15 minutes"
            : "Enter a correct email address and password");
        Input.Password = null;
        return Page();
    }
}

public sealed class SignInInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
