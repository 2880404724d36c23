namespace ServicePlan.Web.Pages.Plans.Actions;

/// <summary>An action's form, as the edit page and the "Add an action" page both show it (<c>_ActionFields</c>).</summary>
public sealed class ActionInput
{
    public int Version { get; set; }
    public string? Ref { get; set; }
    public string? LeadsText { get; set; }
    public List<Guid> LeadIds { get; set; } = [];
    public string? DoesWhat { get; set; }
    public string? DueText { get; set; }
    public string? Measure { get; set; }
    public string? ChildrenExperience { get; set; }
    public bool RetainedForOversight { get; set; }
    public bool IsExempt { get; set; }
    public string? ExemptParagraph { get; set; }

    public static ActionInput From(PlanAction action) => new()
    {
        Version = action.Version,
        Ref = action.Ref,
        LeadsText = action.LeadsText,
        LeadIds = action.Leads.Select(p => p.Id).ToList(),
        DoesWhat = action.DoesWhat,
        DueText = action.DueText,
        Measure = action.Measure,
        ChildrenExperience = action.ChildrenExperience,
        RetainedForOversight = action.RetainedForOversight,
        IsExempt = action.IsExempt,
        ExemptParagraph = action.ExemptParagraph,
    };

    /// <summary>The texts typed, by the plan's column, for the personal-data check.</summary>
    public IReadOnlyList<(PlanColumn Column, string? Text)> Texts() =>
    [
        (PlanColumn.Ref, Ref),
        (PlanColumn.Who, LeadsText),
        (PlanColumn.DoesWhat, DoesWhat),
        (PlanColumn.ByWhen, DueText),
        (PlanColumn.Measure, Measure),
        (PlanColumn.Experience, ChildrenExperience),
    ];

    public ActionChanges ToChanges() => new(
        Version, Ref ?? "", LeadsText ?? "", LeadIds, DoesWhat ?? "", DueText ?? "", Measure ?? "", ChildrenExperience ?? "",
        RetainedForOversight, IsExempt, ExemptParagraph);
}

/// <summary>What <c>_ActionFields</c> shows: the form, the plan's people to choose leads from, and the ref's hint.</summary>
public sealed record ActionFields(ActionInput Input, IEnumerable<PlanPerson> People, string? RefHint);
