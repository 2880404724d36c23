namespace ServicePlan.Web.Pages.YouSaidWeDid;

/// <summary>
/// The public "You said, we did" page: anyone can read it, signed in or not, but only once the owner has published it.
/// Until then it is "not found" to everyone, except that the organisation's own plan owner is sent to the preview.
/// </summary>
[AllowAnonymous]
public sealed class PublicModel(YouSaidWeDidPages pages, CurrentUser user) : PageModel
{
    public YouSaidWeDidContent Words { get; private set; } = null!;
    public DateTime PublishedAtUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await pages.PublishedAsync(key, ct) is { } published)
        {
            (Words, PublishedAtUtc) = (published.Content, published.PublishedAtUtc);
            return Page();
        }

        if (user.MayEditPlan && await pages.OrganisationAtAsync(key, ct) == user.OrganisationId)
            return Redirect(Links.PreviewYouSaidWeDid());
        return NotFound();
    }
}
