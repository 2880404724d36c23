namespace ServicePlan.Web.Pages.Import;

/// <summary>Import a plan: upload, see exactly what will be created and every warning and error, then confirm.</summary>
[Authorize(Policy = Policies.EditPlan)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(PlanImporter importer, UploadStore uploads, CurrentUser user) : PageModel
{
    // The reader refuses files over 20 MB with a clear message; a little headroom lets the request reach it.
    private const long MaxRequestBytes = SpreadsheetReader.MaxFileBytes + (1024 * 1024);

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    /// <summary>Set once a file has been checked: what importing it would make.</summary>
    public ImportReport? Preview { get; private set; }

    public string? Token { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("File", "Select a spreadsheet to import");
        else if (file.Length > SpreadsheetReader.MaxFileBytes)
            ModelState.AddModelError("File", $"The file is {file.Length / 1024.0 / 1024.0:0.0} MB; the largest file ServicePlan imports is 20 MB");
        var period = ValidateOptions();
        if (!ModelState.IsValid)
            return Page();

        Token = await uploads.SaveAsync(user.Id, file!, ct);
        Input.FileName = Path.GetFileName(file!.FileName);
        var path = uploads.Find(user.Id, Token)!;
        Preview = await RunAsync(path, period, dryRun: true, ct);
        // The date the review will get, ready to change: the sheet's own when it gives one.
        if (Preview.ReviewDateFrom == ReviewDateSource.Sheet)
            Input.ReviewDate = Shared.DatePartsInput.From(Preview.ReviewDate);
        if (Preview.Unreadable)
        {
            // Nothing can come of it, and it may hold personal data: do not keep it.
            UploadStore.Remove(path);
            Token = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? token, CancellationToken ct)
    {
        var period = ValidateOptions();
        if (!ModelState.IsValid)
            return Page();
        var path = uploads.Claim(user.Id, token);
        if (path is null)
        {
            ModelState.AddModelError("File", "The uploaded file has expired or was already imported: upload it again");
            return Page();
        }

        if (Input.AsAnotherPlan == "no")
        {
            UploadStore.Remove(path);
            TempData["Confirmation"] = "The plan was not imported";
            return Redirect(Links.Plans());
        }

        var reviewDate = Input.ReviewDate.Entry.Read("The date of the review", out var dateProblem);
        if (dateProblem is not null)
            ModelState.AddModelError("Input.ReviewDate.Day", dateProblem);
        if (ModelState.IsValid && Input.AsAnotherPlan != "yes")
        {
            // Asked only when the organisation already has this plan: the preview shows the question then.
            var check = await RunAsync(path, period, dryRun: true, ct);
            if (check.SamePlan is not null)
                ModelState.AddModelError("Input.AsAnotherPlan", "Choose whether to import it as another plan");
        }

        if (!ModelState.IsValid)
        {
            Preview = await RunAsync(path, period, dryRun: true, ct);
            UploadStore.Release(path);
            Token = token;
            return Page();
        }

        var report = await RunAsync(path, period, dryRun: false, ct, reviewDate);
        if (!report.Succeeded || report.PlanId is not { } planId)
        {
            UploadStore.Release(path);
            Preview = report;
            Token = token;
            return Page();
        }

        UploadStore.Remove(path);
        TempData["Confirmation"] = $"Imported {report.Title}: {report.Actions} actions in {report.Sections} sections";
        return Redirect(Links.Plan(planId));
    }

    private FinancialYear? ValidateOptions()
    {
        if (Input.Title?.Length > FieldLengths.PlanTitle)
            ModelState.AddModelError("Input.Title", $"Title must be {FieldLengths.PlanTitle} characters or fewer");
        if (Input.ReviewLabel?.Length > FieldLengths.ReviewLabel)
            ModelState.AddModelError("Input.ReviewLabel", $"Review label must be {FieldLengths.ReviewLabel} characters or fewer");
        if (string.IsNullOrWhiteSpace(Input.Period))
            return null;
        if (FinancialYear.TryParse(Input.Period, out var year))
            return year;
        ModelState.AddModelError("Input.Period", "Enter the financial year like 2024-25");
        return null;
    }

    private async Task<ImportReport> RunAsync(string path, FinancialYear? period, bool dryRun, CancellationToken ct, DateOnly? reviewDate = null)
    {
        await using var content = System.IO.File.OpenRead(path);
        return await importer.ImportAsync(content, new ImportRequest
        {
            FileName = Input.FileName ?? Path.GetFileName(path).Replace(".importing", "", StringComparison.Ordinal),
            OrganisationId = user.OrganisationId,
            ReviewLabel = string.IsNullOrWhiteSpace(Input.ReviewLabel) ? "Imported" : Input.ReviewLabel.Trim(),
            DryRun = dryRun,
            ReviewDate = reviewDate,
            AsAnotherPlan = Input.AsAnotherPlan == "yes",
            AuthorName = user.DisplayName,
            AuthorUserId = user.Id,
            Options = new ImportOptions
            {
                Title = string.IsNullOrWhiteSpace(Input.Title) ? null : Input.Title,
                Period = period,
                SheetName = string.IsNullOrWhiteSpace(Input.Sheet) ? null : Input.Sheet.Trim(),
                FallbackTitle = Path.GetFileNameWithoutExtension(Input.FileName ?? "Imported plan"),
            },
        }, ct);
    }
}

public sealed class ImportInput
{
    public string? Title { get; set; }
    public string? Period { get; set; }
    public string? Sheet { get; set; }
    public string? ReviewLabel { get; set; } = "Imported";
    public string? FileName { get; set; }

    /// <summary>The date of the review the sheet records, when the person importing gives one.</summary>
    public Shared.DatePartsInput ReviewDate { get; set; } = new();

    /// <summary>"yes" to import the file as another plan when the organisation already has one of that title and year, "no" not to.</summary>
    public string? AsAnotherPlan { get; set; }
}
