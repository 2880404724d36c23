using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Web.Pages.Users;

public sealed class SignOutModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Plans/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return RedirectToPage("/Users/SignIn");
    }
}
