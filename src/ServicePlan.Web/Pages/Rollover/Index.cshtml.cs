namespace ServicePlan.Web.Pages.Rollover;

/// <summary>
/// The yearly roll-over, for the plan owner, in two steps: choose the new plan's year, then see exactly which actions
/// are carried, retained and archived, and confirm. Both steps are GETs that change nothing; only confirming posts.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class RolloverModel(PlanRollover rollover, CurrentUser user) : PageModel
{
    /// <summary>The new plan's financial year as typed, e.g. "2025-26".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public RolloverPreview Preview { get; private set; } = null!;

    /// <summary>The second step: a good year is chosen, so the page shows what will happen and the confirm button.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Set when the plan cannot be rolled over whatever the year (already rolled over, or closed).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var chosen = Period is null ? null : Parse();
        var result = await rollover.PreviewAsync(planId, user.OrganisationId, chosen, ct);
        if (!Show(result))
            return NotFound();

        // First visit: suggest the year after the plan's own.
        Period ??= Preview.Period.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (Parse() is not { } chosen)
            return Show(await rollover.PreviewAsync(planId, user.OrganisationId, null, ct)) ? Page() : NotFound();

        var result = await rollover.RolloverAsync(planId, user.OrganisationId, chosen, new RolloverAuthor(user.DisplayName, user.Id), ct);
        if (result is RolloverResult.Done { NewPlanId: { } newPlanId, Preview: var done })
        {
            TempData["Confirmation"] = $"Plan {done.From} was rolled over into {done.Period}: {Count(done.Carried.Count)} carried forward, "
                + $"{Count(done.Retained.Count)} retained for oversight, {Count(done.Archived.Count)} completed and kept in the {done.From} plan";
            return Redirect(Links.Plan(newPlanId));
        }

        return Show(result) ? Page() : NotFound();
    }

    private static string Count(int actions) => actions == 1 ? "1 action" : $"{actions} actions";

    private FinancialYear? Parse()
    {
        if (FinancialYear.TryParse(Period, out var year))
            return year;
        ModelState.AddModelError(nameof(Period), string.IsNullOrWhiteSpace(Period)
            ? "Enter the new plan's financial year"
            : "Enter the financial year like 2025-26");
        return null;
    }

    /// <summary>False when there is no such plan; otherwise sets which step the page shows.</summary>
    private bool Show(RolloverResult result)
    {
        switch (result)
        {
            case RolloverResult.Done done:
                Preview = done.Preview;
                Confirming = Period is not null && ModelState.IsValid;
                return true;
            case RolloverResult.Refused { OnlyThisYear: true } wrongYear:
                Preview = wrongYear.Preview;
                ModelState.AddModelError(nameof(Period), wrongYear.Reason);
                return true;
            case RolloverResult.Refused refused:
                Preview = refused.Preview;
                Refusal = refused.Reason;
                return true;
            default:
                return false;
        }
    }
}
