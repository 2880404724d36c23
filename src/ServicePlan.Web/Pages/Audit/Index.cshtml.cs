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
        Entities = await trail.EntitiesAsync(user.OrganisationId, ct);
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

    /// <summary>The search the filters ask for; a filter that cannot be read is left out, and the page says so.</summary>
    private AuditSearch? Search()
    {
        DateOnly? Date(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            var shown = text.Trim().Length > 40 ? text.Trim()[..40] + "…" : text.Trim();
            IgnoredFilters.Note(HttpContext, key, text, $"The {IgnoredFilters.NameOf(key)} '{shown}' is not a real date, so the search is not limited by it. Write a date like 31/3/2025.");
            return null;
        }

        var from = Date(From, "from");
        var to = Date(To, "to");
        var entity = Entity;
        if (!string.IsNullOrWhiteSpace(entity) && Entities.Count > 0 && !Entities.Contains(entity, StringComparer.Ordinal))
        {
            IgnoredFilters.Note(HttpContext, "entity", entity);
            entity = null;
        }

        return new AuditSearch(user.OrganisationId, entity, Who, from, to, Text);
    }
}
