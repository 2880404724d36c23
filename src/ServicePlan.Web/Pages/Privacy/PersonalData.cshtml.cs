namespace ServicePlan.Web.Pages.Privacy;

/// <summary>
/// The owner deals with everything the personal-data check flags in a review's public report: edit the text, mark it
/// exempt, or accept it as written with a reason, which is recorded with who decided and when.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class PersonalDataModel(CommitteeReports reports, CurrentUser user, TimeProvider clock) : PageModel
{
    public ReportResult Result { get; private set; } = null!;

    /// <summary>Which flag's form the error below belongs to.</summary>
    public int? ErrorIndex { get; private set; }
    public string? Error { get; private set; }
    public string? Reason { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        var result = await reports.BuildAsync(reviewId, user.OrganisationId, isPublic: true, ct);
        if (result is null)
            return NotFound();
        Result = result;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid reviewId, int index, string? location, string? found, string? reason, CancellationToken ct)
    {
        try
        {
            await reports.AcceptAsync(reviewId, user.OrganisationId, location ?? "", found ?? "", reason ?? "", user.DisplayName, user.Id, clock.GetUtcNow().UtcDateTime, ct);
            Confirmation = $"\"{found}\" will be published as written";
            return Redirect(Links.PersonalData(reviewId));
        }
        catch (PersonalDataDecisionException e)
        {
            var result = await reports.BuildAsync(reviewId, user.OrganisationId, isPublic: true, ct);
            if (result is null)
                return NotFound();
            Result = result;
            (ErrorIndex, Error, Reason) = (index, e.Message, reason);
            ModelState.AddModelError($"reason-{index}", e.Message);
            return Page();
        }
    }
}
