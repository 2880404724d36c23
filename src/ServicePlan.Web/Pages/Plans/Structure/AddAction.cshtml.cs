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

    public ActionFields Fields => new(Input, Plan.People, "Each action of the plan has its own ref, such as 12");

    public StructureObjective Objective { get; private set; } = null!;

    public StructureSection Section => Outline.Sections.Single(s => s.Id == Objective.SectionId);

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid objectiveId, CancellationToken ct) =>
        await FindAsync(planId, objectiveId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, objectiveId, ct) is { } refused)
            return refused;

        var texts = Input.Texts().Select(t => new EnteredText(t.Column.Name(), t.Text));
        if (!await MaySaveAsync(checks, EntryChecks.PlaceOfAction(Input.Ref), texts, ct))
            return Page();

        Input.Version = 0;
        var result = await Structure.AddActionAsync(objectiveId, Editor.OrganisationId, new NewAction(Input.ToChanges()), ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return Answer(result, result is StructureResult.Done done ? Links.PlanStructure(planId) + "#action-" + done.Id : "", "Input.DoesWhat", Inputs);
    }

    private Task<IActionResult?> FindAsync(Guid planId, Guid objectiveId, CancellationToken ct) =>
        FindAsync(planId, o => o.Objectives.FirstOrDefault(x => x.Id == objectiveId), x => Objective = x, ct);
}
