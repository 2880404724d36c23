namespace ServicePlan.Web.Pages.People;

/// <summary>One person of the plan: link them to an account of the organisation by its e-mail address, or unlink them.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class PersonModel(PlanPeople people, CurrentUser user) : PageModel
{
    public PlanPeopleList List { get; private set; } = null!;

    public PersonRow Person { get; private set; } = null!;

    public Plan Plan => List.Plan;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, personId, ct))
            return NotFound();
        Version = Person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid planId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(planId, personId, await people.LinkAsync(planId, personId, user.OrganisationId, Email, Version, ct), nameof(Email), ct);

    public async Task<IActionResult> OnPostUnlinkAsync(Guid planId, Guid personId, CancellationToken ct) =>
        await AnswerAsync(planId, personId, await people.UnlinkAsync(planId, personId, user.OrganisationId, Version, ct), "", ct);

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
