namespace ServicePlan.Web.Pages.Users;

/// <summary>
/// One account, for an administrator: change its role, deactivate or reactivate it, send a password reset, unlock it.
/// Each form carries the account's ConcurrencyStamp as it was shown, so two administrators never silently overwrite each other.
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class ShowModel(UserAdministration administration, Invitations invitations, CurrentUser current) : PageModel
{
    public UserSummary Account { get; private set; } = null!;

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>A password link to copy, when e-mail is not configured: shown on this response only.</summary>
    public string? LinkToCopy { get; private set; }

    public bool IsSelf => Account.Id == current.Id;

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct)
    {
        if (await administration.FindAsync(current.OrganisationId, userId, ct) is not { } account)
            return NotFound();
        Account = account;
        Role = account.Role;
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(string userId, CancellationToken ct) =>
        ApplyAsync(userId, administration.ChangeRoleAsync(current.OrganisationId, userId, Role ?? "", Stamp ?? "", ct), "Role", ct);

    public Task<IActionResult> OnPostDeactivateAsync(string userId, CancellationToken ct) =>
        ApplyAsync(userId, administration.DeactivateAsync(current.OrganisationId, userId, Stamp ?? "", current.Id, ct), "", ct);

    public Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken ct) =>
        ApplyAsync(userId, administration.ReactivateAsync(current.OrganisationId, userId, Stamp ?? "", ct), "", ct);

    public Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken ct) =>
        ApplyAsync(userId, administration.UnlockAsync(current.OrganisationId, userId, Stamp ?? "", ct), "", ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(string userId, CancellationToken ct)
    {
        if (await administration.FindAsync(current.OrganisationId, userId, ct) is not { } account)
            return NotFound();
        if (account.Deactivated)
        {
            ModelState.AddModelError("", "Reactivate the account before sending a password reset");
            return await ShowAsync(userId, ct);
        }

        switch (await invitations.SendPasswordResetAsync(current.OrganisationId, userId, ct))
        {
            case PasswordLinkResult.Made { Emailed: true }:
                Confirmation = $"A password reset has been e-mailed to {account.Email}";
                return Redirect(Links.User(userId));
            case PasswordLinkResult.Made made:
                // Rendered, not redirected: the link must not travel in TempData's cookie.
                LinkToCopy = Links.OnThisSite(Request, made.Link);
                return await ShowAsync(userId, ct);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ApplyAsync(string userId, Task<UserChangeResult> change, string errorKey, CancellationToken ct)
    {
        switch (await change)
        {
            case UserChangeResult.Done done:
                Confirmation = done.Message;
                return Redirect(Links.User(userId));
            case UserChangeResult.Conflict conflict:
                ModelState.AddModelError(errorKey, conflict.Message);
                return await ShowAsync(userId, ct);
            case UserChangeResult.Refused refused:
                ModelState.AddModelError(errorKey, refused.Message);
                return await ShowAsync(userId, ct);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(string userId, CancellationToken ct)
    {
        if (await administration.FindAsync(current.OrganisationId, userId, ct) is not { } account)
            return NotFound();
        Account = account;
        Role ??= account.Role;
        return Page();
    }
}
