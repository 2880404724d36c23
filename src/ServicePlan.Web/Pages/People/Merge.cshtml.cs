namespace ServicePlan.Web.Pages.People;

/// <summary>
/// Merging a person the plan named twice ("HOS" and "Head of Service") into the other: first whom into, then an "Are you
/// sure" that says what happens to their actions and account.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class MergeModel(PlanPeople people, CurrentUser user) : PageModel
{
    public PlanPeopleList List { get; private set; } = null!;

    public Plan Plan => List.Plan;

    public PersonRow Person { get; private set; } = null!;

    /// <summary>Who the person is merged into, once chosen.</summary>
    public PersonRow? Into { get; private set; }

    public IEnumerable<PersonRow> Others => List.People.Where(p => p.Id != Person.Id);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public int IntoVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid personId, Guid? into, CancellationToken ct)
    {
        if (!await LoadAsync(planId, personId, into, ct))
            return NotFound();
        if (into is not null && Into is null)
            ModelState.AddModelError("into", "Choose who to merge into from the plan's people");
        Version = Person.Version;
        IntoVersion = Into?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid personId, Guid? into, CancellationToken ct)
    {
        var result = into is { } intoId
            ? await people.MergeAsync(planId, personId, Version, intoId, IntoVersion, user.OrganisationId, ct)
            : new PeopleResult.Refused("Choose who to merge into from the plan's people");
        if (result is PeopleResult.Done done)
        {
            TempData["Confirmation"] = done.Message;
            return Redirect(Links.PlanPeople(planId));
        }

        if (result is PeopleResult.NotFound || !await LoadAsync(planId, personId, into, ct))
            return NotFound();
        var message = result switch
        {
            PeopleResult.Refused refused => refused.Message,
            PeopleResult.Stale stale => stale.Message,
            PeopleResult.PlanClosed closed => closed.Message,
            _ => "The people could not be merged",
        };
        ModelState.AddModelError(Into is null ? "into" : "", message);
        ModelState.Remove(nameof(Version));
        ModelState.Remove(nameof(IntoVersion));
        Version = Person.Version;
        IntoVersion = Into?.Version ?? 0;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid planId, Guid personId, Guid? into, CancellationToken ct)
    {
        if (await people.ListAsync(planId, user.OrganisationId, ct) is not { } list || list.Find(personId) is not { } person)
            return false;
        List = list;
        Person = person;
        Into = into is { } id && id != personId ? list.Find(id) : null;
        return true;
    }
}
