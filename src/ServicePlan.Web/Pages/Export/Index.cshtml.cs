using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePlan.Export;
using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Web.Infrastructure;
using ServicePlan.Web.Pages.Rollover;

namespace ServicePlan.Web.Pages.Export;

/// <summary>Downloads of the plan: the committee appendix as .xlsx, or a plain .csv.</summary>
public sealed class ExportModel(PlanTables tables, CurrentUser user) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid planId, string format, bool includeExempt, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv"))
            return NotFound();

        // Only those who edit the plan may take exempt information out of it.
        var table = await tables.LoadAsync(planId, user.OrganisationId, ct, includeExempt && user.MayEditPlan);
        if (table is null)
            return NotFound();

        var content = new MemoryStream();
        if (format == "csv")
            CsvPlanWriter.Write(table, content);
        else
            XlsxPlanWriter.Write(table, content);
        content.Position = 0;

        var name = FileNameOf(table.Title, table.Period.ToString());
        return format == "csv"
            ? File(content, "text/csv; charset=utf-8", name + ".csv")
            : File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    private static string FileNameOf(string title, string period)
    {
        var safe = new string(title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ').ToArray());
        var name = string.Join('-', safe.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return name.Contains(period, StringComparison.Ordinal) ? name : $"{name}-{period}";
    }
}
