namespace ServicePlan.Privacy;

/// <summary>
/// The plan owner's decision that something the personal-data check flagged in a review's public report may be
/// published as written: why, who decided and when. It covers that text found in that place, so a new flag elsewhere
/// still has to be dealt with.
/// </summary>
public sealed class PersonalDataDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public required string Location { get; set; }
    public required string Found { get; set; }
    public required string Reason { get; set; }
    public required string DecidedBy { get; set; }
    public string? DecidedByUserId { get; set; }

    /// <summary>UTC; a DateTime because SQLite cannot order by a DateTimeOffset.</summary>
    public DateTime DecidedAtUtc { get; set; }

    public bool Covers(PersonalDataFlag flag) =>
        string.Equals(flag.Location, Location, StringComparison.Ordinal) && string.Equals(flag.Found, Found, StringComparison.Ordinal);

    /// <summary>The flags no decision covers: what still stops the public report.</summary>
    public static IReadOnlyList<PersonalDataFlag> Outstanding(IEnumerable<PersonalDataFlag> flags, IReadOnlyCollection<PersonalDataDecision> decisions) =>
        flags.Where(flag => !decisions.Any(d => d.Covers(flag))).ToList();
}
