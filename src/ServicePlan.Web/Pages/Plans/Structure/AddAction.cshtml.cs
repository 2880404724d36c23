using ServicePlan.Web.Pages.Plans.Actions;

namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>Adds an action under an objective, with every field the action's edit page has and the same personal-data warning.</summary>
public sealed class AddActionModel(PlanStructure structure, EntryChecks checks, CurrentUser user) : StructurePageModel(structure, user)
{
    /// <summary>The form's inputs by <see cref="StructureField"/>, for the command's problems.</summary>
    public static readonly IReadOnlyDictionary<string, string> Inputs = new Dictionary<string, string>
    {
        [StructureField.Ref] = "Input.Ref",
        [StructureField.Leads] = "Input.LeadsText",
        [StructureField.DoesWhat] = "Input.DoesWhat",
        [StructureField.Due] = "Input.DueText",
        [StructureField.Measure] = "Input.Measure",
        [StructureField.Experience] = "Input.ChildrenExperience",
        [StructureField.ExemptParagraph] = "Input.ExemptParagraph",
    };

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public StructureObjective Objective { get; private set; } = null!;

    public StructureSection Section { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid objectiveId, CancellationToken ct) =>
        await FindAsync(planId, objectiveId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, objectiveId, ct) is { } refused)
            return refused;

        EnteredText[] texts =
        [
            new(PlanColumn.Ref.Name(), Input.Ref),
            new(PlanColumn.Who.Name(), Input.LeadsText),
            new(PlanColumn.DoesWhat.Name(), Input.DoesWhat),
            new(PlanColumn.ByWhen.Name(), Input.DueText),
            new(PlanColumn.Measure.Name(), Input.Measure),
            new(PlanColumn.Experience.Name(), Input.ChildrenExperience),
        ];
        if (!await MaySaveAsync(checks, EntryChecks.PlaceOfAction(Input.Ref), texts, ct))
            return Page();

        var fields = new ActionChanges(
            0, Input.Ref ?? "", Input.LeadsText ?? "", Input.LeadIds, Input.DoesWhat ?? "", Input.DueText ?? "", Input.Measure ?? "",
            Input.ChildrenExperience ?? "", Input.RetainedForOversight, Input.IsExempt, Input.ExemptParagraph);
        var result = await Structure.AddActionAsync(objectiveId, Editor.OrganisationId, new NewAction(fields), ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return Answer(result, result is StructureResult.Done done ? Links.PlanStructure(planId) + "#action-" + done.Id : "", "Input.DoesWhat", Inputs);
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } refused)
            return refused;
        if (Outline.Objectives.FirstOrDefault(o => o.Id == objectiveId) is not { } objective)
            return NotFound();
        Objective = objective;
        Section = Outline.Sections.Single(s => s.Id == objective.SectionId);
        return null;
    }
}
