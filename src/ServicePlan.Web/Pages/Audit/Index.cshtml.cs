using System.Globalization;
using System.Text;

namespace ServicePlan.Web.Pages.Audit;

/// <summary>The admin searches the organisation's audit trail and downloads it. There is no way to change it here or anywhere.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(AuditTrail trail, CurrentUser user) : PageModel
{
    private const int MaxExportRows = 200_000;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "older")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public bool HasOlder { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await trail.EntitiesAsync(user.OrganisationId, ct);
        if (Search() is not { } search)
            return;
        PageNumber = Math.Max(1, PageNumber);
        var found = await trail.SearchAsync(search, (PageNumber - 1) * AuditTrail.PageSize, AuditTrail.PageSize + 1, ct);
        HasOlder = found.Count > AuditTrail.PageSize;
        Entries = found.Take(AuditTrail.PageSize).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Search() is not { } search)
            return BadRequest();
        var entries = await trail.SearchAsync(search, 0, MaxExportRows, ct);
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        CsvPlanWriter.WriteRow(csv, ["When (UTC)", "Who", "What", "Id", "Change", "Field", "Before", "After", "In words"]);
        foreach (var entry in entries)
        {
            var at = entry.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var fields = entry.Fields.Count == 0 ? [new FieldChange("", null, null)] : entry.Fields;
            foreach (var field in fields)
                CsvPlanWriter.WriteRow(csv, [at, entry.UserName, entry.Entity, entry.EntityId, entry.Change.ToString(), field.Field, field.Before ?? "", field.After ?? "", entry.Summary ?? ""]);
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "serviceplan-audit.csv");
    }

    /// <summary>Null, with the errors added, when a date cannot be read.</summary>
    private AuditSearch? Search()
    {
        DateOnly? Date(string? text, string key, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            ModelState.AddModelError(key, $"{label} must be a date like 31/3/2025");
            return null;
        }

        var from = Date(From, nameof(From), "From");
        var to = Date(To, nameof(To), "To");
        return ModelState.IsValid ? new AuditSearch(user.OrganisationId, Entity, Who, from, to, Text) : null;
    }
}
