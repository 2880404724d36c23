using ServicePlan.UpdateSheet;
using ServicePlan.Web.Pages.Import;
using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.UpdateSheet;

/// <summary>
/// A plan's update sheets: download a lead's actions for the open review as .xlsx, fill it in, upload it, see what it
/// will add (conflicts marked), then apply it all or nothing. Owners and admins for any lead; a lead for their own.
/// </summary>
[Authorize(Policy = Policies.AddProgress)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(UpdateSheets sheets, UploadStore uploads, EntryChecks checks, CurrentUser user) : PageModel
{
    private const long MaxRequestBytes = SpreadsheetReader.MaxFileBytes + (1024 * 1024);

    public SheetPlan Plan { get; private set; } = null!;

    public IReadOnlyList<SheetLead> Leads { get; private set; } = [];

    /// <summary>Set once a sheet has been uploaded and checked.</summary>
    public SheetCheck? Check { get; private set; }

    /// <summary>Problems found on applying (someone updated an action between preview and apply, a conflict not confirmed).</summary>
    public IReadOnlyList<ImportIssue> ApplyProblems { get; private set; } = [];

    public string? Token { get; private set; }

    public string? FileName { get; private set; }

    public bool MayChooseLead => user.MayEditPlan;

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    /// <summary>What the personal-data check found in the sheet's comments: applying then needs the box ticked and a reason, as on the Add progress page.</summary>
    public EntryWarning Warning { get; private set; } = new([], new());

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(Guid planId, Guid? person, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct))
            return NotFound();
        var personId = person ?? (Leads.Count == 1 ? Leads[0].PersonId : null);
        if (personId is null)
        {
            if (Leads.Count == 0)
                ModelState.AddModelError("", "There is nobody whose update sheet you can download in this plan");
            else
                ModelState.AddModelError("person", "Select the lead whose update sheet to download");
            return Page();
        }

        switch (await sheets.MakeAsync(planId, personId.Value, Author, ct))
        {
            case SheetOutcome.Made made:
                using (var content = new MemoryStream())
                {
                    UpdateSheetWriter.Write(made.Content, content);
                    return File(content.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", UpdateSheetWriter.FileName(made.Content));
                }

            case SheetOutcome.Refused refused:
                // The plan's state is said on the page itself; only a choice of lead has a field to point at.
                ModelState.AddModelError(Plan.CannotUpdateBecause is null && MayChooseLead ? "person" : "", refused.Reason);
                return Page();
            case SheetOutcome.NotAllowed:
                return Forbid();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid planId, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct))
            return NotFound();
        if (file is null || file.Length == 0)
            ModelState.AddModelError("File", "Select the filled-in update sheet to upload");
        else if (file.Length > SpreadsheetReader.MaxFileBytes)
            ModelState.AddModelError("File", $"The file is {file.Length / 1024.0 / 1024.0:0.0} MB; an update sheet is far smaller: upload the one ServicePlan made");
        if (!ModelState.IsValid)
            return Page();

        Token = await uploads.SaveAsync(user.Id, file!, ct);
        FileName = Path.GetFileName(file!.FileName);
        var path = uploads.Find(user.Id, Token)!;
        Check = await CheckFileAsync(planId, path, ct);
        var findings = await FindingsAsync(planId, Check.Preview, ct);
        Warning = new EntryWarning(findings, Confirm);
        Confirm.Seen = findings.Count == 0 ? null : EntryCheck.Fingerprint(findings);
        if (!Check.Preview.CanApply)
        {
            // Nothing can come of it, and it may hold personal data: do not keep it.
            UploadStore.Remove(path);
            Token = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid planId, string? token, string? fileName, Guid[] confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct))
            return NotFound();
        var path = uploads.Claim(user.Id, token);
        if (path is null)
        {
            ModelState.AddModelError("File", "The uploaded sheet has expired or was already applied: upload it again");
            return Page();
        }

        FileName = fileName;
        SheetUpload sheet;
        await using (var content = System.IO.File.OpenRead(path))
            sheet = UpdateSheetReader.Read(content, fileName ?? "update-sheet.xlsx");

        // The personal-data check first, as on the Add progress page: the box confirms only the findings the preview showed.
        var check = await sheets.CheckAsync(planId, sheet, Author, ct);
        var findings = await FindingsAsync(planId, check.Preview, ct);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
        {
            UploadStore.Release(path);
            Token = token;
            Check = check;
            return Page();
        }

        foreach (var update in check.Preview.Updates)
        {
            var place = EntryChecks.PlaceOfAction(update.Ref);
            var mine = findings.Where(f => f.Field == CommentField(update)).ToList();
            if (mine.Count > 0)
                checks.Confirm(mine, Confirm.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), place, planId, update.ActionId);
        }

        var applied = await sheets.ApplyAsync(planId, sheet, Author, confirmed.ToHashSet(), ct);
        if (!applied.IsSaved)
        {
            checks.Forget();
            UploadStore.Release(path);
            Token = token;
            Check = applied.Check;
            ApplyProblems = applied.Problems;
            ModelState.AddModelError("", "Nothing was saved: " + (applied.Problems.Count == 1 ? applied.Problems[0].Message : $"{applied.Problems.Count} rows need your attention, listed below"));
            return Page();
        }

        UploadStore.Remove(path);
        var lead = applied.Check.Lead?.Name;
        TempData["Confirmation"] = $"Added {applied.Saved.Count} progress update{(applied.Saved.Count == 1 ? "" : "s")}{(lead is null ? "" : $" for {lead}")} from the update sheet";
        return Redirect(Links.Review(Plan.OpenReviewId!.Value));
    }

    private ProgressAuthor Author => new(user.Id, user.DisplayName, user.Roles, user.OrganisationId);

    private async Task<SheetCheck> CheckFileAsync(Guid planId, string path, CancellationToken ct)
    {
        await using var content = System.IO.File.OpenRead(path);
        return await sheets.CheckAsync(planId, UpdateSheetReader.Read(content, FileName ?? "update-sheet.xlsx"), Author, ct);
    }

    /// <summary>Each comment named by its action, so the warning says where and each confirmation is filed under its action.</summary>
    private static string CommentField(PlannedUpdate update) => $"{EntryChecks.PlaceOfAction(update.Ref)}, {ProgressEntry.CommentField.ToLowerInvariant()}";

    private async Task<IReadOnlyList<EntryFinding>> FindingsAsync(Guid planId, SheetPreview preview, CancellationToken ct) =>
        preview.CanApply
            ? await checks.ForPlanAsync(planId, preview.Updates.Select(u => new EnteredText(CommentField(u), u.Comment)), ct)
            : [];

    private async Task<bool> LoadAsync(Guid planId, CancellationToken ct)
    {
        if (await sheets.PlanAsync(planId, user.OrganisationId, ct) is not { } plan)
            return false;
        Plan = plan;
        Leads = await sheets.LeadsAsync(planId, Author, ct);
        return true;
    }
}
