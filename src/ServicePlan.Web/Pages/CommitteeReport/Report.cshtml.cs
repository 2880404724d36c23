namespace ServicePlan.Web.Pages.CommitteeReport;

/// <summary>The committee cover report of a review as .docx, a print-friendly page, or JSON; a public one only when it holds no personal data.</summary>
public sealed class ReportModel(CommitteeReports reports, CurrentUser user) : PageModel
{
    public Guid ReviewId { get; private set; }
    public string ReviewLabel { get; private set; } = "";
    public IReadOnlyList<PersonalDataFlag> PersonalData { get; private set; } = [];
    public bool MayResolve => user.MayEditPlan;

    public async Task<IActionResult> OnGetAsync(Guid reviewId, string format, bool @public, CancellationToken ct)
    {
        if (CoverReportFiles.Formats.Find(format) is not { } file)
            return NotFound();
        var result = await reports.BuildAsync(reviewId, user.OrganisationId, @public, ct, seeExempt: await user.MaySeeExemptAsync(ct));
        if (result is null)
            return NotFound();

        if (!result.MayPublish)
        {
            ReviewId = reviewId;
            ReviewLabel = result.Report.Header.ReviewLabel;
            PersonalData = result.PersonalData;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var content = new MemoryStream();
        file.Write(result.Report, content);
        content.Position = 0;
        return File(content, file.ContentType, CoverReportFiles.FileName(result.Report, @public, file));
    }
}
