namespace ServicePlan.Web.Pages.YouSaidWeDid;

/// <summary>The saved words exactly as the public page would show them, for the owner before publishing.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class PreviewModel(YouSaidWeDidPages pages, CurrentUser user) : PageModel
{
    public YouSaidWeDidDraft Draft { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Draft = await pages.DraftAsync(user.OrganisationId, ct);
}
