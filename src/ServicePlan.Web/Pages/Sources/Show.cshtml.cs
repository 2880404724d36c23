namespace ServicePlan.Web.Pages.Sources;

/// <summary>One source and every objective and action that answers it across the years: what an inspector or auditor asks for.</summary>
public sealed class ShowModel(SourceRegister register, CurrentUser user) : PageModel
{
    public SourceAnswers Answers { get; private set; } = null!;
    public bool MayEdit => user.MayEditPlan;

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid sourceId, CancellationToken ct)
    {
        var answers = await register.AnswersAsync(sourceId, user.OrganisationId, ct);
        if (answers is null)
            return NotFound();
        Answers = answers;
        return Page();
    }
}
