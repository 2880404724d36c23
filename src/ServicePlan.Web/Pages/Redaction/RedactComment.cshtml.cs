namespace ServicePlan.Web.Pages.Redaction;

/// <summary>The owner redacts one progress comment, and every earlier wording of it, even in a closed review.</summary>
public sealed class RedactCommentModel(Redactions redactions, CurrentUser user) : RedactPageModel(redactions, user)
{
    [FromRoute]
    public Guid ActionId { get; set; }

    public override string BackUrl => Links.ActionHistory(ActionId);

    public Task<IActionResult> OnGetAsync(Guid updateId, CancellationToken ct) => ShowAsync(Target(updateId), ct);

    public Task<IActionResult> OnPostAsync(Guid updateId, CancellationToken ct) => RedactAsync(Target(updateId), ct);

    private RedactionTarget.Comment Target(Guid updateId) => new(updateId);


    /// <summary>A comment found under another action's address is not found at all.</summary>
    protected override bool Matches(RedactionSubject subject) => subject.ActionId == ActionId;
}
