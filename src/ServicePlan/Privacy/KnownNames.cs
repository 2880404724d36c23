namespace ServicePlan.Privacy;

/// <summary>What the check must let through: the plan's own people, the organisations and places it names, and the author's contact details.</summary>
/// <param name="People">The plan's people as the plan writes them: full names ("Rachel Green"), first names ("Roxanne"), initials ("RG", "HoS").</param>
/// <param name="Organisations">Organisations and places: "Action for Children", "Sir John Cass School", "City of London", "Hackney".</param>
/// <param name="AllowedEmails">The author's e-mail addresses, compared without regard to case.</param>
public sealed record KnownNames(IEnumerable<string> People, IEnumerable<string> Organisations, IEnumerable<string> AllowedEmails)
{
    /// <summary>
    /// Telephone numbers that may be published, such as the report author's office line at the foot of every cover report.
    /// Compared by their digits, so "020 7332 3501" and "+44 20 7332 3501" are the same number.
    /// </summary>
    public IEnumerable<string> AllowedPhoneNumbers { get; init; } = [];

    public static KnownNames None { get; } = new([], [], []);
}
