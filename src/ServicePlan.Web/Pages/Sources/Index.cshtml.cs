namespace ServicePlan.Web.Pages.Sources;

/// <summary>The organisation's source register: where its objectives came from, filtered by kind.</summary>
public sealed class IndexModel(SourceRegister register, CurrentUser user) : PageModel
{
    public IReadOnlyList<SourceRow> Rows { get; private set; } = [];
    public SourceKind? Kind { get; private set; }
    public bool MayEdit => user.MayEditPlan;

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(string? kind, CancellationToken ct)
    {
        Kind = SourceKinds.Parse(kind);
        if (Kind is null && !string.IsNullOrWhiteSpace(kind))
            IgnoredFilters.Note(HttpContext, "kind", kind);
        Rows = await register.ListAsync(user.OrganisationId, Kind, ct);
    }
}
