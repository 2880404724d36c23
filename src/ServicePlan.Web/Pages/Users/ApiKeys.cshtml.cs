namespace ServicePlan.Web.Pages.Users;

/// <summary>
/// A user's own API keys: make one (its key is shown on this response only), see when each was made and last used,
/// and revoke one. Any signed-in user may; a key acts with their role.
/// </summary>
public sealed class ApiKeysModel(ApiKeys keys, CurrentUser user) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The key just made, in full: rendered into this one response and never stored or sent again.</summary>
    public NewApiKey? Created { get; private set; }

    public string? RevokedName { get; private set; }

    public async Task OnGetAsync(string? revoked, CancellationToken ct)
    {
        RevokedName = revoked;
        Keys = await keys.ListAsync(user.Id, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
            ModelState.AddModelError(nameof(Name), "Enter a name for the key, such as the script that will use it");
        else if (name.Length > FieldLengths.ApiKeyName)
            ModelState.AddModelError(nameof(Name), $"The name must be {FieldLengths.ApiKeyName} characters or fewer");

        if (ModelState.IsValid)
        {
            // Rendered rather than redirected: carrying the key to a GET would put it in TempData's cookie.
            Created = await keys.CreateAsync(user.Id, name, ct);
            Name = null;
        }

        Keys = await keys.ListAsync(user.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var key = (await keys.ListAsync(user.Id, ct)).FirstOrDefault(k => k.Id == id);
        if (key is null || !await keys.RevokeAsync(user.Id, id, ct))
            return NotFound();
        return RedirectToPage(new { revoked = key.Name });
    }
}
