using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Plans;

/// <summary>The owner changes the plan's header: its title, year, owner, board, aims and dates.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class HeaderModel(PlanQueries plans, PlanHeaderEditing editing, CurrentUser user) : PageModel
{
    [BindProperty]
    public PlanHeaderInput Input { get; set; } = new();

    public Plan Plan { get; private set; } = null!;

    /// <summary>Set when someone else saved the plan after this form was opened.</summary>
    public HeaderEditResult.Conflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return NotFound();
        // A read-only plan's page says why, rather than a form that cannot be saved.
        if (plan.IsReadOnly)
            return Redirect(Links.Plan(planId));
        Plan = plan;
        Input = PlanHeaderInput.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return NotFound();
        Plan = plan;

        var header = PlanHeaderRules.Read(Input.Entry, out var problems);
        foreach (var problem in problems)
            ModelState.AddModelError(PlanHeaderInput.Key(problem.Field), problem.Message);
        if (header is null)
            return Page();

        switch (await editing.SaveAsync(planId, user.OrganisationId, header, Input.Version, ct))
        {
            case HeaderEditResult.Saved:
                TempData["Confirmation"] = "The plan's details have been saved";
                return Redirect(Links.Plan(planId));
            case HeaderEditResult.Conflict conflict:
                Conflict = conflict;
                ModelState.AddModelError(PlanHeaderInput.Key(PlanHeaderField.Title),
                    "Someone else saved this plan's details after you opened them. Your changes have not been saved: check what they changed, then save again");
                Input.Version = conflict.CurrentVersion;
                return Page();
            case HeaderEditResult.ReadOnly readOnly:
                ModelState.AddModelError(PlanHeaderInput.Key(PlanHeaderField.Title), $"{readOnly.Reason}, so its details can no longer be changed");
                return Page();
            default:
                return NotFound();
        }
    }
}

public sealed class PlanHeaderInput
{
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? Service { get; set; }
    public string? Period { get; set; }
    public string? Owner { get; set; }
    public string? MonitoringBoard { get; set; }
    public string? RelevantStrategies { get; set; }
    public string? ReviewFrequency { get; set; }
    public string? Aims { get; set; }
    public string? CreatedWithIdeasFrom { get; set; }
    public DatePartsInput ImplementationDate { get; set; } = new();
    public DatePartsInput ReviewDate { get; set; } = new();

    public PlanHeaderEntry Entry => new(
        Title, Service, Period, Owner, MonitoringBoard, RelevantStrategies, ReviewFrequency, Aims, CreatedWithIdeasFrom,
        ImplementationDate.Entry, ReviewDate.Entry);

    /// <summary>The form field a problem belongs to; a date's problem is shown at its day field.</summary>
    public static string Key(PlanHeaderField field) => field switch
    {
        PlanHeaderField.ImplementationDate => "Input.ImplementationDate.Day",
        PlanHeaderField.ReviewDate => "Input.ReviewDate.Day",
        _ => "Input." + field,
    };

    public static PlanHeaderInput From(Plan plan) => new()
    {
        Version = plan.Version,
        Title = plan.Title,
        Service = plan.Service,
        Period = plan.Period.ToString(),
        Owner = plan.Owner,
        MonitoringBoard = plan.MonitoringBoard,
        RelevantStrategies = plan.RelevantStrategies,
        ReviewFrequency = plan.ReviewFrequency,
        Aims = plan.Aims,
        CreatedWithIdeasFrom = plan.CreatedWithIdeasFrom,
        ImplementationDate = DatePartsInput.From(plan.ImplementationDate),
        ReviewDate = DatePartsInput.From(plan.ReviewDate),
    };
}
