namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>An objective's form: its "Why?", its sources from the council's register, and (editing) its section.</summary>
public sealed class ObjectiveInput
{
    public int Version { get; set; }
    public string? Why { get; set; }
    public List<Guid> SourceIds { get; set; } = [];
    public Guid? SectionId { get; set; }

    /// <summary>The form's inputs by <see cref="StructureField"/>, for the command's problems.</summary>
    public static readonly IReadOnlyDictionary<string, string> Inputs = new Dictionary<string, string>
    {
        [StructureField.Why] = "Input.Why",
        [StructureField.Section] = "Input.SectionId",
    };
}
