namespace ServicePlan.Web.Pages.Redaction;

/// <summary>The owner redacts one paragraph of a review's report narrative, even once the review is closed.</summary>
public sealed class RedactNarrativeParagraphModel(Redactions redactions, CurrentUser user) : RedactPageModel(redactions, user)
{
    [FromRoute]
    public Guid ReviewId { get; set; }

    public override string BackUrl => Links.RedactNarrative(ReviewId);

    public Task<IActionResult> OnGetAsync(string field, int paragraph, CancellationToken ct) => ShowAsync(new RedactionTarget.NarrativeParagraph(ReviewId, field, paragraph), ct);

    public Task<IActionResult> OnPostAsync(string field, int paragraph, CancellationToken ct) => RedactAsync(new RedactionTarget.NarrativeParagraph(ReviewId, field, paragraph), ct);
}
