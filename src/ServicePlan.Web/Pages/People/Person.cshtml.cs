namespace ServicePlan.Web.Pages.People;

/// <summary>
/// One person of the plan: link them to an account of the organisation by its e-mail address, invite a new account for
/// them (a Lead, with a one-time link to choose a password), or unlink them.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class PersonModel(PlanPeople people, Invitations invitations, CurrentUser user) : PageModel
{
    public PlanPeopleList List { get; private set; } = null!;

    public PersonRow Person { get; private set; } = null!;

    public Plan Plan => List.Plan;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? InviteEmail { get; set; }

    /// <summary>The new account's name: the person's name unless changed.</summary>
    [BindProperty]
    public string? InviteName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, personId, ct))
            return NotFound();
        Version = Person.Version;
        InviteName = Person.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid planId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(planId, personId, await people.LinkAsync(planId, personId, user.OrganisationId, Email, Version, ct), nameof(Email), ct);

    public async Task<IActionResult> OnPostUnlinkAsync(Guid planId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(planId, personId, await people.UnlinkAsync(planId, personId, user.OrganisationId, Version, ct), "", ct);

    /// <summary>
    /// Makes a Lead account for the address and links the person to it. The account is made first: if the link then
    /// fails (someone changed the person meanwhile), the account stays, and the page says to link it by its address.
    /// </summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid planId, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, personId, ct))
            return NotFound();
        if (Plan.ReadOnlyBecause is { } because)
            return await AnswerAsync(planId, personId, new PeopleResult.PlanClosed($"{because}, so its people can no longer be changed"), "", ct);
        if (Person.Version != Version)
            return await AnswerAsync(planId, personId, new PeopleResult.Stale($"Someone else changed {Person.Name} while you were looking. The page now shows what they did; try again if it is still needed."), "", ct);

        var name = string.IsNullOrWhiteSpace(InviteName) ? Person.Name : InviteName.Trim();
        switch (await invitations.InviteAsync(user.OrganisationId, InviteEmail ?? "", name, ct))
        {
            case InvitationResult.Created created:
                var linked = await people.LinkToAccountAsync(planId, personId, user.OrganisationId, created.UserId, Version, ct);
                if (linked is not PeopleResult.Done)
                    return await AnswerAsync(planId, personId, new PeopleResult.Refused($"The account for {InviteEmail!.Trim()} was made, but {Person.Name} could not be linked to it: link it with its e-mail address above"), nameof(Email), ct);
                TempData["Confirmation"] = created.Emailed
                    ? $"{name} is invited: an e-mail with a link to choose a password has been sent to {InviteEmail!.Trim()}, and {Person.Name} is linked to the new account"
                    : $"{name} has an account and {Person.Name} is linked to it. E-mail is not set up here, so copy the link below and send it to them";
                if (!created.Emailed)
                    TempData["InviteLink"] = $"{Request.Scheme}://{Request.Host}{created.Link}";
                return Redirect(Links.PlanPeople(planId));
            case InvitationResult.AlreadyExists exists:
                return await AnswerAsync(planId, personId, new PeopleResult.Refused(exists.InAnotherOrganisation
                    ? exists.Message
                    : $"{exists.Message}. Link {Person.Name} to it with its e-mail address above"), nameof(InviteEmail), ct);
            case InvitationResult.Invalid invalid:
                return await AnswerAsync(planId, personId, new PeopleResult.Refused(invalid.Message), nameof(InviteEmail), ct);
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId, Guid personId, CancellationToken ct)
    {
        if (await people.ListAsync(planId, user.OrganisationId, ct) is not { } list || list.Find(personId) is not { } person)
            return false;
        List = list;
        Person = person;
        return true;
    }

    private async Task<IActionResult> AnswerAsync(Guid planId, Guid personId, PeopleResult result, string errorKey, CancellationToken ct)
    {
        if (result is PeopleResult.Done done)
        {
            TempData["Confirmation"] = done.Message;
            return Redirect(Links.PlanPeople(planId));
        }

        if (result is PeopleResult.NotFound || !await LoadAsync(planId, personId, ct))
            return NotFound();
        switch (result)
        {
            case PeopleResult.Refused refused:
                ModelState.AddModelError(errorKey, refused.Message);
                break;
            case PeopleResult.Stale stale:
                // The form now carries the version the page shows, so a second try is a deliberate one.
                ModelState.AddModelError("", stale.Message);
                ModelState.Remove(nameof(Version));
                Version = Person.Version;
                break;
            case PeopleResult.PlanClosed closed:
                ModelState.AddModelError("", closed.Message);
                break;
        }

        return Page();
    }
}
