using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Web.Pages.Users;

public sealed class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signInManager) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.CurrentPassword))
            ModelState.AddModelError("Input.CurrentPassword", "Enter your current password");
        if (string.IsNullOrEmpty(Input.NewPassword))
            ModelState.AddModelError("Input.NewPassword", "Enter a new password");
        else if (Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "The new passwords do not match");
        if (!ModelState.IsValid)
            return Page();

        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description.TrimEnd('.'));
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signInManager.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }
}

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}
