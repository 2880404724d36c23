using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePlan.CommitteeReport;
using ServicePlan.Privacy;
using ServicePlan.Web.Infrastructure;
using ServicePlan.Web.Pages.Privacy;

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
        if (format is not ("docx" or "html" or "json"))
            return NotFound();
        var result = await reports.BuildAsync(reviewId, user.OrganisationId, @public, ct);
        if (result is null)
            return NotFound();

        if (!result.MayPublish)
        {
            ReviewId = reviewId;
            ReviewLabel = result.Report.Header.ReviewLabel;
            PersonalData = result.PersonalData;
            return Page();
        }

        var name = $"{string.Join('-', result.Report.Header.Subject.Split(Path.GetInvalidFileNameChars().Append(' ').Append(':').ToArray(), StringSplitOptions.RemoveEmptyEntries))}{(@public ? "-public" : "")}";
        switch (format)
        {
            case "html":
                return File(Encoding.UTF8.GetBytes(CoverReportHtml.Render(result.Report)), "text/html; charset=utf-8", name + ".html");
            case "json":
                return File(Encoding.UTF8.GetBytes(CoverReportJson.Render(result.Report)), "application/json", name + ".json");
            default:
                var content = new MemoryStream();
                CoverReportDocx.Write(result.Report, content);
                content.Position = 0;
                return File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
        }
    }
}
