using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Sources;

public sealed class SourceInput
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Reference { get; set; }
    public string? Recommendation { get; set; }

    public const string DateName = "The source's date";

    /// <summary>The source's version when the form was opened.</summary>
    public int Version { get; set; }

    public static SourceInput From(Source source) => new()
    {
        Version = source.Version,
        Kind = source.Kind.ToString(),
        Title = source.Title,
        Day = source.Date?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Month = source.Date?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Year = source.Date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Reference = source.Reference,
        Recommendation = source.Recommendation,
    };
}

/// <summary>Adds a source to the register (/sources/add) or corrects one (/sources/{id}/edit).</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class EditModel(SourceRegister register, CurrentUser user) : PageModel
{
    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public Source? Existing { get; private set; }

    /// <summary>Set when someone else saved the source after this form was opened: what they saved, and which fields differ.</summary>
    public SourceSaveResult.Conflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? sourceId, CancellationToken ct)
    {
        if (sourceId is { } id)
        {
            Existing = await register.FindAsync(id, user.OrganisationId, ct);
            if (Existing is null)
                return NotFound();
            Input = SourceInput.From(Existing);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? sourceId, CancellationToken ct)
    {
        if (sourceId is { } id && (Existing = await register.FindAsync(id, user.OrganisationId, ct)) is null)
            return NotFound();

        var kind = SourceKinds.Parse(Input.Kind);
        if (kind is null)
            ModelState.AddModelError("Input.Kind", "Select the kind of source");
        var title = Input.Title?.Trim() ?? "";
        if (title.Length == 0)
            ModelState.AddModelError("Input.Title", "Enter the source's title");
        else if (title.Length > FieldLengths.SourceTitle)
            ModelState.AddModelError("Input.Title", $"The title must be {FieldLengths.SourceTitle} characters or fewer");
        var date = ReadDate();
        if (Input.Reference?.Trim().Length > FieldLengths.SourceReference)
            ModelState.AddModelError("Input.Reference", $"The reference must be {FieldLengths.SourceReference} characters or fewer");
        if (Input.Recommendation?.Trim().Length > FieldLengths.SourceText)
            ModelState.AddModelError("Input.Recommendation", $"The recommendation must be {FieldLengths.SourceText:N0} characters or fewer");
        if (kind is { } k && !SourceKinds.HasRecommendation(k) && !string.IsNullOrWhiteSpace(Input.Recommendation))
            ModelState.AddModelError("Input.Recommendation", "Only Ofsted recommendations, inspections and audits have a recommendation: clear it, or change the kind");

        if (!ModelState.IsValid)
            return Page();

        if (Existing is null)
        {
            var added = await register.AddAsync(user.OrganisationId, kind!.Value, title, date, Input.Reference, Input.Recommendation, ct);
            TempData["Confirmation"] = $"\"{added.Title}\" is added to the register";
            return Redirect(Links.Source(added.Id));
        }

        switch (await register.UpdateAsync(Existing.Id, user.OrganisationId, Input.Version, kind!.Value, title, date, Input.Reference, Input.Recommendation, ct))
        {
            case SourceSaveResult.Saved:
                TempData["Confirmation"] = "The source is saved";
                return Redirect(Links.Source(Existing.Id));
            case SourceSaveResult.Conflict conflict:
                Conflict = conflict;
                ModelState.AddModelError("Input.Title",
                    "Someone else saved this source after you opened it. Your changes have not been saved: check what they changed, then save again");
                // The next save is judged against what is stored now; the user's typing stays in the form.
                Input.Version = conflict.Current.Version;
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The GOV.UK date pattern: all three parts, or none for a source with no date.</summary>
    private DateOnly? ReadDate() =>
        DateInputModel.Read(ModelState, "Input", Input.Day, Input.Month, Input.Year, SourceInput.DateName, required: false);
}
