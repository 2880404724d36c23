using Microsoft.EntityFrameworkCore;
using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.CommitteeReport;

/// <summary>The owner writes the cover report's words for a review, starting from last review's.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class NarrativeModel(ServicePlanDbContext db, Narratives narratives, EntryChecks checks, CurrentUser user) : PageModel
{
    private const int MaxLongText = 20_000;

    /// <summary>Only the written fields are ever taken from this (see <see cref="ReviewNarrative.TakeWordsFrom"/>).</summary>
    [BindProperty]
    public ReviewNarrative Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    /// <summary>What the personal-data check found in the paragraphs changed, shown above the form until changed or confirmed.</summary>
    public EntryWarning Warning { get; private set; } = new([], new());

    public Review Review { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public NarrativeSource Source { get; private set; }

    public static IReadOnlyList<(string Key, string Label, string? Hint, bool Long)> Fields { get; } =
    [
        ("Committees", "Committee(s)", "As the header table shows them", false),
        ("Subject", "Subject", null, false),
        ("ReportOf", "Report of", "For example, Executive Director of Community and Children's Services", false),
        ("AuthorName", "Report author's name", null, false),
        ("AuthorTitle", "Report author's title", null, false),
        ("AuthorPhone", "Author's telephone", null, false),
        ("AuthorEmail", "Author's e-mail", null, false),
        ("Summary", "Summary", "Leave a blank line between paragraphs", true),
        ("Recommendation", "Recommendation", null, true),
        ("Background", "Background", null, true),
        ("ImpactOnChildren", "Impact on children and families", null, true),
        ("CorporateAndStrategic", "Corporate and strategic implications", null, true),
        ("Financial", "Financial implications", "Leave blank to print \"None.\"", true),
        ("Resource", "Resource implications", null, true),
        ("Legal", "Legal implications", null, true),
        ("Risk", "Risk implications", null, true),
        ("Equalities", "Equalities implications", null, true),
        ("Climate", "Climate implications", null, true),
        ("Security", "Security implications", null, true),
        ("Conclusion", "Conclusion", null, true),
        ("Appendices", "Appendices", "One a line", true),
    ];

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await LoadAsync(reviewId, ct))
            return NotFound();
        var (narrative, source) = await narratives.ForReviewAsync(Review, Plan, ct);
        Input = narrative;
        Version = narrative.Version;
        Source = source;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await LoadAsync(reviewId, ct))
            return NotFound();
        Source = NarrativeSource.Saved;
        foreach (var (key, label, _, isLong) in Fields)
        {
            // The form posts an emptied field as null; the narrative's texts are never null.
            var property = typeof(ReviewNarrative).GetProperty(key)!;
            var value = property.GetValue(Input) as string;
            if (value is null && property.PropertyType == typeof(string) && key is not ("AuthorPhone" or "AuthorEmail"))
                property.SetValue(Input, "");
            var max = isLong ? MaxLongText : db.Model.FindEntityType(typeof(ReviewNarrative))!.FindProperty(key)!.GetMaxLength() ?? MaxLongText;
            if (value?.Length > max)
                ModelState.AddModelError($"Input.{key}", $"{label} must be {max:N0} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Input.Committees))
            ModelState.AddModelError("Input.Committees", "Enter the committee or committees the report goes to");
        if (!string.IsNullOrWhiteSpace(Input.AuthorEmail) && EmailAddresses.Problem(Input.AuthorEmail) is { } notAnAddress)
            ModelState.AddModelError("Input.AuthorEmail", notAnAddress);
        if (!ModelState.IsValid)
            return Page();

        // The paragraphs the report prints, and only those this save changes: words already saved are not questioned
        // again. The author's own name and contact details may be printed, as the public report allows them.
        var saved = await db.Narratives.AsNoTracking().FirstOrDefaultAsync(n => n.ReviewId == reviewId, ct);
        string? Text(ReviewNarrative? narrative, string key) => narrative is null ? null : typeof(ReviewNarrative).GetProperty(key)!.GetValue(narrative) as string;
        var paragraphs = Fields.Where(f => f.Long && (saved is null || !string.Equals(Text(Input, f.Key)?.Trim(), Text(saved, f.Key)?.Trim(), StringComparison.Ordinal)));
        var author = new KnownNames([Input.AuthorName], [], Input.AuthorEmail is { } email ? [email] : []) { AllowedPhoneNumbers = Input.AuthorPhone is { } phone ? [phone] : [] };
        var findings = await checks.ForPlanAsync(Plan.Id, paragraphs.Select(f => new EnteredText(f.Label, Text(Input, f.Key))), ct, author);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
            return Page();
        if (findings.Count > 0)
            checks.Confirm(findings, Confirm.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), $"{Review.Label} report", Plan.Id);

        var words = new ReviewNarrative();
        words.TakeWordsFrom(Input);
        var result = await narratives.SaveAsync(reviewId, user.OrganisationId, words, Version, user.DisplayName, ct);
        if (result is not NarrativeSaveResult.Saved)
            checks.Forget();
        switch (result)
        {
            case NarrativeSaveResult.Saved:
                TempData["Confirmation"] = "The report's narrative is saved";
                return Redirect(Links.Review(reviewId));
            case NarrativeSaveResult.Conflict conflict:
                ModelState.AddModelError("Input.Summary", $"{conflict.UpdatedBy} saved this narrative after you opened it. Your words have not been saved: copy what you need, reload the page and save again");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        var plan = review is null ? null : await db.Plans.AsNoTracking().VisibleTo(user.OrganisationId).FirstOrDefaultAsync(p => p.Id == review.PlanId, ct);
        if (review is null || plan is null)
            return false;
        (Review, Plan) = (review, plan);
        return true;
    }
}
