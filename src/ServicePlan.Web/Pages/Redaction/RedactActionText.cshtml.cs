namespace ServicePlan.Web.Pages.Redaction;

/// <summary>The owner redacts one text of an action ("Does what?", "Why?" …), even in a closed plan.</summary>
public sealed class RedactActionTextModel(Redactions redactions, CurrentUser user) : RedactPageModel(redactions, user)
{
    [FromRoute]
    public Guid ActionId { get; set; }

    public override string BackUrl => Links.Action(ActionId);

    public Task<IActionResult> OnGetAsync(string field, CancellationToken ct) => ShowAsync(Target(field), ct);

    public Task<IActionResult> OnPostAsync(string field, CancellationToken ct) => RedactAsync(Target(field), ct);

    private RedactionTarget.ActionText? Target(string field) =>
        RedactionFields.FromSlug(field) is { } known ? new(ActionId, known) : null;
}
