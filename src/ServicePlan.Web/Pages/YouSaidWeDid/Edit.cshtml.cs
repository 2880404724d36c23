using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.YouSaidWeDid;

public sealed class EntryInput
{
    public Guid SourceId { get; set; }
    public string? YouSaid { get; set; }
    public string? WeDid { get; set; }
    public WeDidStatus Status { get; set; }
}

public sealed class PageInput
{
    public string? Title { get; set; }
    public string? Introduction { get; set; }
    public string? Slug { get; set; }
    public int Version { get; set; }
    public List<EntryInput> Entries { get; set; } = [];
}

/// <summary>
/// The owner writes the public "You said, we did" page: plain words per source from children, families and staff,
/// then previews and publishes. Publishing is refused while the personal-data check finds anything.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class EditModel(YouSaidWeDidPages pages, EntryChecks checks, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PageInput Input { get; set; } = new();

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    /// <summary>What the personal-data check found in the words changed, shown above the form until changed or confirmed.</summary>
    public EntryWarning Warning { get; private set; } = new([], new());

    public YouSaidWeDidDraft Draft { get; private set; } = null!;

    /// <summary>What stopped the last attempt to publish.</summary>
    public IReadOnlyList<PublishingProblem> Problems { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public string PublicUrl => $"{Request.Scheme}://{Request.Host}{Links.YouSaidWeDid(Draft.Page.Slug)}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Draft = await pages.DraftAsync(user.OrganisationId, ct);
        Input = InputFrom(Draft);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await SaveAsync(ct))
            return Page();
        Confirmation = "Your words are saved" + (Draft.Page.IsPublished ? ". Publish again to show them on the public page" : "");
        return Redirect(Links.EditYouSaidWeDid());
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await SaveAsync(ct))
            return Page();
        Problems = await pages.PublishAsync(user.OrganisationId, user.DisplayName, clock.GetUtcNow().UtcDateTime, ct);
        if (Problems.Count > 0)
        {
            // The words are saved, so the owner loses nothing; the form shows them again next to what to change.
            Draft = await pages.DraftAsync(user.OrganisationId, ct);
            Input = InputFrom(Draft);
            return Page();
        }

        Confirmation = "The page is published. Anyone can now read it at the address below";
        return Redirect(Links.EditYouSaidWeDid());
    }

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct)
    {
        await pages.UnpublishAsync(user.OrganisationId, ct);
        Confirmation = "The page is no longer published. Your words are kept";
        return Redirect(Links.EditYouSaidWeDid());
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        Draft = await pages.DraftAsync(user.OrganisationId, ct);
        var title = Input.Title?.Trim() ?? "";
        if (title.Length == 0)
            ModelState.AddModelError("Input.Title", "Enter the page's title");
        else if (title.Length > FieldLengths.YouSaidWeDidTitle)
            ModelState.AddModelError("Input.Title", $"The title must be {FieldLengths.YouSaidWeDidTitle} characters or fewer");
        if (Input.Introduction?.Trim().Length > FieldLengths.YouSaidWeDidIntroduction)
            ModelState.AddModelError("Input.Introduction", $"The introduction must be {FieldLengths.YouSaidWeDidIntroduction:N0} characters or fewer");
        var slug = Input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!PageSlug.IsValid(slug))
            ModelState.AddModelError("Input.Slug", "The web address must be 3 to 60 lower-case letters, numbers and hyphens, such as city-of-london");

        // Only the organisation's own voice sources are taken; anything else posted is ignored.
        var known = Draft.Sources.ToDictionary(s => s.Id);
        Input.Entries = Input.Entries.Where(e => known.ContainsKey(e.SourceId)).DistinctBy(e => e.SourceId).ToList();
        for (var i = 0; i < Input.Entries.Count; i++)
        {
            var entry = Input.Entries[i];
            var name = known[entry.SourceId].Title;
            var saidBlank = string.IsNullOrWhiteSpace(entry.YouSaid);
            var didBlank = string.IsNullOrWhiteSpace(entry.WeDid);
            if (saidBlank != didBlank)
                ModelState.AddModelError($"Input.Entries[{i}].{(saidBlank ? "YouSaid" : "WeDid")}", $"{name}: write both what you said and what we did, or leave both empty to keep it off the page");
            if (entry.YouSaid?.Trim().Length > FieldLengths.SourceText)
                ModelState.AddModelError($"Input.Entries[{i}].YouSaid", $"{name}: \"You said\" must be {FieldLengths.SourceText:N0} characters or fewer");
            if (entry.WeDid?.Trim().Length > FieldLengths.SourceText)
                ModelState.AddModelError($"Input.Entries[{i}].WeDid", $"{name}: \"We did\" must be {FieldLengths.SourceText:N0} characters or fewer");
            if (!Enum.IsDefined(entry.Status))
                ModelState.AddModelError($"Input.Entries[{i}].Status", $"{name}: select whether it is done");
        }

        if (!ModelState.IsValid)
            return false;

        // Named as the publishing check names them; only the words this save changes, so words already saved are not
        // questioned again.
        static bool Changed(string? typed, string? saved) => !string.Equals(typed?.Trim() ?? "", saved?.Trim() ?? "", StringComparison.Ordinal);
        var texts = new List<EnteredText>();
        if (Changed(title, Draft.Page.Title))
            texts.Add(new("Page title", title));
        if (Changed(Input.Introduction, Draft.Page.Introduction))
            texts.Add(new("Introduction", Input.Introduction));
        foreach (var entry in Input.Entries)
        {
            var source = known[entry.SourceId];
            if (Changed(entry.YouSaid, source.YouSaid))
                texts.Add(new($"{source.Title} – You said", entry.YouSaid));
            if (Changed(entry.WeDid, source.WeDid))
                texts.Add(new($"{source.Title} – We did", entry.WeDid));
        }

        var findings = await checks.ForOrganisationAsync(user.OrganisationId, texts, ct);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
            return false;
        if (findings.Count > 0)
            checks.Confirm(findings, Confirm.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), "You said, we did", planId: null);

        var words = Input.Entries.Select(e => new SourceWords(e.SourceId, e.YouSaid, e.WeDid, e.Status)).ToList();
        var result = await pages.SaveAsync(user.OrganisationId, title, Input.Introduction ?? "", slug, words, Input.Version, user.DisplayName, clock.GetUtcNow().UtcDateTime, ct);
        if (result is not YouSaidWeDidSaveResult.Saved)
            checks.Forget();
        switch (result)
        {
            case YouSaidWeDidSaveResult.Saved:
                Draft = await pages.DraftAsync(user.OrganisationId, ct);
                return true;
            case YouSaidWeDidSaveResult.SlugTaken:
                ModelState.AddModelError("Input.Slug", "Another organisation's page already uses that web address: choose another");
                return false;
            case YouSaidWeDidSaveResult.Conflict conflict:
                ModelState.AddModelError("Input.Title", $"{conflict.UpdatedBy} saved this page after you opened it. Your words have not been saved: copy what you need, reload the page and save again");
                return false;
            default:
                throw new InvalidOperationException("Unexpected save result.");
        }
    }

    private static PageInput InputFrom(YouSaidWeDidDraft draft) => new()
    {
        Title = draft.Page.Title,
        Introduction = draft.Page.Introduction,
        Slug = draft.Page.Slug,
        Version = draft.Page.Version,
        Entries = draft.Sources.Select(s => new EntryInput { SourceId = s.Id, YouSaid = s.YouSaid, WeDid = s.WeDid, Status = s.WeDidStatus }).ToList(),
    };
}
