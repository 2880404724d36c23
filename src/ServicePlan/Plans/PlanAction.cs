using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>
/// One action of the plan: who does what by when, how we will know, and what children will experience.
/// Called PlanAction rather than Action so it never collides with System.Action.
/// </summary>
public sealed class PlanAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// The plan the action belongs to. Derivable through objective and section, but every list, filter and
    /// count is per plan, so it is kept here to make those one indexed lookup.
    /// </summary>
    public Guid PlanId { get; set; }
    public Guid ObjectiveId { get; set; }
    public Objective? Objective { get; set; }

    public string Ref { get; set; } = "";
    public int Order { get; set; }

    /// <summary>The "Who?" cell as written ("hos &amp; management team"); <see cref="Leads"/> are the people it names.</summary>
    public string LeadsText { get; set; } = "";
    public List<PlanPerson> Leads { get; set; } = [];

    /// <summary>"Does what?"</summary>
    public string DoesWhat { get; set; } = "";

    /// <summary>"By when?" exactly as written; <see cref="DueKind"/> and <see cref="DueOn"/> are what it means.</summary>
    public string DueText { get; set; } = "";
    public DueKind DueKind { get; set; }
    public DateOnly? DueOn { get; set; }

    /// <summary>"How will we know it has been done?"</summary>
    public string Measure { get; set; } = "";

    /// <summary>"What will be the experience of children?"</summary>
    public string ChildrenExperience { get; set; } = "";

    /// <summary>Completed, but kept in the plan so that a dip in practice can be seen.</summary>
    public bool RetainedForOversight { get; set; }

    /// <summary>Exempt information (Local Government Act 1972, Schedule 12A): never in a public paper.</summary>
    public bool IsExempt { get; set; }
    public string? ExemptParagraph { get; set; }

    public List<ProgressUpdate> Updates { get; set; } = [];

    /// <summary>
    /// The same action in last year's plan, when it was carried forward at roll-over. Its updates stay there and are
    /// read through this link, so the action's whole history is one chain of plans, never copied.
    /// </summary>
    public Guid? PredecessorId { get; set; }

    /// <summary>When the action joined the plan (UTC): a review lists actions added since the one before as new.</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// When the owner removed the action from the plan (UTC); null while it is in it. A removed action is kept, with its
    /// history, for the plan's Removed list and to be restored, but every list, count and download leaves it out.
    /// </summary>
    public DateTime? RemovedAtUtc { get; set; }

    /// <summary>Who removed it, by name as they were known then.</summary>
    public string? RemovedBy { get; set; }

    public int Version { get; set; }

    /// <summary>An action's current rating is its latest progress update's; with no update it is not rated.</summary>
    public Rating CurrentRating => ProgressUpdate.Latest(Updates)?.Rating ?? Rating.None;

    /// <summary>Sets the due text and what it means together, so the two can never disagree.</summary>
    public void SetDue(string? text, FinancialYear planYear)
    {
        var due = DueDate.Interpret(text, planYear);
        DueText = due.Text;
        DueKind = due.Kind;
        DueOn = due.Due;
    }

    public DueDate Due(FinancialYear planYear) => DueDate.Interpret(DueText, planYear);
}
