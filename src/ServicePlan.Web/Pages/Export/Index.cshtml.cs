namespace ServicePlan.Web.Pages.Export;

/// <summary>Downloads of the plan: the committee appendix as .xlsx, or a plain .csv.</summary>
public sealed class ExportModel(PlanTables tables, CurrentUser user) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid planId, string format, bool includeExempt, CancellationToken ct)
    {
        if (PlanFiles.Formats.Find(format) is not { } file)
            return NotFound();

        // Only those who edit the plan may take exempt information out of it.
        var table = await tables.LoadAsync(planId, user.OrganisationId, ct, includeExempt && user.MayEditPlan);
        if (table is null)
            return NotFound();

        var content = new MemoryStream();
        file.Write(table, content);
        content.Position = 0;
        return File(content, file.ContentType, PlanFiles.FileName(table, file));
    }
}
