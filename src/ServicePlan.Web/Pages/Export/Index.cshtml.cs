namespace ServicePlan.Web.Pages.Export;

/// <summary>
/// Downloads of the plan as .xlsx or .csv: for a public paper (exempt content withheld, refused while the personal-data
/// check flags anything unresolved), or not for publication (exempt content marked, for those who may see it).
/// </summary>
public sealed class ExportModel(PublicPaperChecks checks, PlanTables tables, CurrentUser user) : PageModel
{
    public PublicPaperCheckResult Check { get; private set; } = null!;

    public string PlanTitle { get; private set; } = "";

    /// <summary>
    /// The action list's filters and sort, when the download was asked for from the list: the file holds exactly the
    /// actions listed, in the listed order. Values the list did not understand, it left out; so does the download.
    /// </summary>
    [FromQuery(Name = "section")] public string? Section { get; set; }
    [FromQuery(Name = "lead")] public string? Lead { get; set; }
    [FromQuery(Name = "rating")] public string? Rating { get; set; }
    [FromQuery(Name = "source")] public string? Source { get; set; }
    [FromQuery(Name = "overdue")] public string? Overdue { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "order")] public string? Order { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, string format, bool @public, CancellationToken ct)
    {
        if (PlanFiles.Formats.Find(format) is not { } file)
            return NotFound();
        var (filter, sort, _) = ActionListParameters.Parse(Section, Lead, Rating, Source, Overdue, Search, Sort, Order);

        PlanTable table;
        if (@public)
        {
            if (await checks.ForExportAsync(planId, user.OrganisationId, filter, sort, ct) is not { } export)
                return NotFound();
            if (!export.Check.MayPublish)
            {
                (Check, PlanTitle) = (export.Check, export.Table.Header.Title);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            table = export.Table;
        }
        else
        {
            var readers = PlanReaders.Service with { SeeExempt = await user.MaySeeExemptAsync(ct) };
            if (await tables.LoadAsync(planId, user.OrganisationId, readers, filter, sort, ct) is not { } found)
                return NotFound();
            table = found;
        }

        var content = new MemoryStream();
        file.Write(table, content);
        content.Position = 0;
        return File(content, file.ContentType, PlanFiles.FileName(table, file));
    }
}
