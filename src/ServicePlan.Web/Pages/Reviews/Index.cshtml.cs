using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Reviews;

/// <summary>A plan's quarterly reviews, and where the owner opens the next one.</summary>
public sealed class IndexModel(PlanQueries plans, ReviewQueries reviews, ReviewWorkflow workflow, CurrentUser user) : PageModel
{
    [BindProperty]
    public OpenReviewInput Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<ReviewSummary> Reviews { get; private set; } = [];
    public bool MayOpen => user.MayEditPlan && !Plan.IsReadOnly;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (!user.MayEditPlan)
            return Forbid();
        if (!await LoadAsync(planId, ct))
            return NotFound();

        if (string.IsNullOrWhiteSpace(Input.Label))
            ModelState.AddModelError("Input.Label", "Enter a label for the review, like Q3 2024-25");
        else if (Input.Label.Length > FieldLengths.ReviewLabel)
            ModelState.AddModelError("Input.Label", $"The label must be {FieldLengths.ReviewLabel} characters or fewer");
        var date = DateInputModel.Read(ModelState, "Input", Input.Day, Input.Month, Input.Year, OpenReviewInput.DateName);
        if (!ModelState.IsValid)
            return Page();

        switch (await workflow.OpenAsync(planId, user.OrganisationId, Input.Label!, date!.Value, user.Id, ct))
        {
            case ReviewResult.Done done:
                TempData["Confirmation"] = $"{Input.Label!.Trim()} is open: leads can now add their progress updates";
                return Redirect(Links.Review(done.ReviewId));
            case ReviewResult.Refused refused:
                ModelState.AddModelError(refused.AboutTheDate ? "Input.Day" : "Input.Label", refused.Reason.TrimEnd('.'));
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return false;
        Plan = plan;
        Reviews = await reviews.ListAsync(planId, ct);
        return true;
    }
}

public sealed class OpenReviewInput
{
    public string? Label { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public const string DateName = "The review date";
}
