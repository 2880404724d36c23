namespace ServicePlan.Redaction;

/// <summary>The texts of an action a plan owner may redact, as the action page labels them.</summary>
public enum ActionTextField
{
    /// <summary>"Why?": the objective's aim, shared by the objective's actions.</summary>
    Why,
    Who,
    DoesWhat,
    ByWhen,
    Measure,
    Experience,
}

/// <summary>What is being redacted: one progress comment, one text of an action, or one paragraph of a review's report narrative.</summary>
public abstract record RedactionTarget
{
    public sealed record Comment(Guid UpdateId) : RedactionTarget;

    public sealed record ActionText(Guid ActionId, ActionTextField Field) : RedactionTarget;

    /// <param name="Field">A written field of the narrative, one of <see cref="RedactionFields.Narrative"/>.</param>
    /// <param name="Paragraph">Numbered from 0, as <see cref="RedactionText.Paragraphs"/> gives them.</param>
    public sealed record NarrativeParagraph(Guid ReviewId, string Field, int Paragraph) : RedactionTarget;
}

/// <summary>The names users know the redactable texts by.</summary>
public static class RedactionFields
{
    public static string Label(this ActionTextField field) => field switch
    {
        ActionTextField.Why => "Why?",
        ActionTextField.Who => "Who?",
        ActionTextField.DoesWhat => "Does what?",
        ActionTextField.ByWhen => "By when?",
        ActionTextField.Measure => "How will we know it has been done?",
        ActionTextField.Experience => "What will be the experience of children?",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>How the field is written in a web address: "does-what".</summary>
    public static string Slug(this ActionTextField field) => field switch
    {
        ActionTextField.Why => "why",
        ActionTextField.Who => "who",
        ActionTextField.DoesWhat => "does-what",
        ActionTextField.ByWhen => "by-when",
        ActionTextField.Measure => "measure",
        ActionTextField.Experience => "experience",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static ActionTextField? FromSlug(string? slug) =>
        Enum.GetValues<ActionTextField>().Cast<ActionTextField?>().FirstOrDefault(f => f!.Value.Slug() == slug);

    /// <summary>The narrative's written paragraphs (not its header details), by property and as the narrative page labels them.</summary>
    public static IReadOnlyList<(string Field, string Label)> Narrative { get; } =
    [
        ("Summary", "Summary"),
        ("Recommendation", "Recommendation"),
        ("Background", "Background"),
        ("ImpactOnChildren", "Impact on children and families"),
        ("CorporateAndStrategic", "Corporate and strategic implications"),
        ("Financial", "Financial implications"),
        ("Resource", "Resource implications"),
        ("Legal", "Legal implications"),
        ("Risk", "Risk implications"),
        ("Equalities", "Equalities implications"),
        ("Climate", "Climate implications"),
        ("Security", "Security implications"),
        ("Conclusion", "Conclusion"),
        ("Appendices", "Appendices"),
    ];

    public static string? NarrativeLabel(string field) => Narrative.FirstOrDefault(f => f.Field == field).Label;
}
