namespace ServicePlan.Privacy;

/// <summary>
/// Someone was warned, as they saved a text, that it seemed to hold a child's personal data, and confirmed that it may be
/// saved as written: what was found, where, why they kept it, who and when. Like an accepted finding on the public
/// report, but made at the point of entry; the public report still checks the text again before it is printed.
/// </summary>
public sealed class PersonalDataConfirmation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }

    /// <summary>The plan the text belongs to; null for the organisation's "You said, we did" page.</summary>
    public Guid? PlanId { get; set; }

    /// <summary>The action the text belongs to, so the action's page lists the confirmation with its other changes.</summary>
    public Guid? ActionId { get; set; }

    /// <summary>Where the text is, in users' words: "Action 2.1 – Comment on progress".</summary>
    public required string Where { get; set; }

    public required string Found { get; set; }
    public PersonalDataKind Kind { get; set; }
    public required string Reason { get; set; }
    public required string ConfirmedBy { get; set; }
    public string? ConfirmedByUserId { get; set; }

    /// <summary>UTC; a DateTime because SQLite cannot order by a DateTimeOffset.</summary>
    public DateTime ConfirmedAtUtc { get; set; }
}
