namespace ServicePlan.Web.Pages.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class AddModel(UserAccounts accounts, CurrentUser user) : PageModel
{
    [BindProperty]
    public AddUserInput Input { get; set; } = new();

    /// <summary>Shown once on this response; never stored in clear or logged.</summary>
    public string? GeneratedPassword { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (EmailAddresses.Problem(Input.Email) is { } notAnAddress)
            ModelState.AddModelError("Input.Email", notAnAddress);
        if (string.IsNullOrWhiteSpace(Input.Name))
            ModelState.AddModelError("Input.Name", "Enter the person's name");
        else if (Input.Name.Length > 200)
            ModelState.AddModelError("Input.Name", "Name must be 200 characters or fewer");
        if (Input.Role is null || !Roles.IsKnown(Input.Role))
            ModelState.AddModelError("Input.Role", "Select a role");
        if (!ModelState.IsValid)
            return Page();

        switch (await accounts.AddAsync(Input.Email!, Input.Name, Input.Role!, user.OrganisationId, password: null, ct))
        {
            case AddUserResult.Added added:
                GeneratedPassword = added.GeneratedPassword;
                return Page();
            case AddUserResult.Refused refused:
                foreach (var error in refused.Errors)
                    ModelState.AddModelError("Input.Email", error.TrimEnd('.'));
                return Page();
            default:
                return Page();
        }
    }
}

public sealed class AddUserInput
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
}
