namespace ServicePlan.Web.Pages.Export;

/// <summary>
/// Downloads of the plan as .xlsx or .csv: for a public paper (exempt content withheld, refused while the personal-data
/// check flags anything unresolved), or not for publication (exempt content marked, for those who may see it).
/// </summary>
public sealed class ExportModel(PublicPaperChecks checks, PlanTables tables, CurrentUser user) : PageModel
{
    public PublicPaperCheckResult Check { get; private set; } = null!;

    public string PlanTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid planId, string format, bool @public, CancellationToken ct)
    {
        if (PlanFiles.Formats.Find(format) is not { } file)
            return NotFound();

        PlanTable table;
        if (@public)
        {
            if (await checks.ForExportAsync(planId, user.OrganisationId, ct) is not { } export)
                return NotFound();
            if (!export.Check.MayPublish)
            {
                (Check, PlanTitle) = (export.Check, export.Table.Title);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            table = export.Table;
        }
        else
        {
            var readers = PlanReaders.Service with { SeeExempt = await user.MaySeeExemptAsync(ct) };
            if (await tables.LoadAsync(planId, user.OrganisationId, readers, ct) is not { } found)
                return NotFound();
            table = found;
        }

        var content = new MemoryStream();
        file.Write(table, content);
        content.Position = 0;
        return File(content, file.ContentType, PlanFiles.FileName(table, file));
    }
}
