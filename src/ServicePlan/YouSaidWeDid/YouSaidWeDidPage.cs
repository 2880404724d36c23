namespace ServicePlan.YouSaidWeDid;

/// <summary>
/// An organisation's public "You said, we did" page: the owner's title and introduction, where it lives on the web,
/// and whether it is published. What the public reads is <see cref="PublishedContent"/>, the words exactly as they
/// passed the personal-data check when the owner published them, so later edits stay private until published again.
/// </summary>
public sealed class YouSaidWeDidPage
{
    public const string DefaultTitle = "You said, we did";

    public const string DefaultIntroduction =
        "Children, young people, families and our staff tell us what works and what needs to change. " +
        "This page shows what you told us and what we have done about it.";

    public Guid OrganisationId { get; set; }

    /// <summary>The last part of the public web address, such as "city-of-london" in /you-said-we-did/city-of-london.</summary>
    public required string Slug { get; set; }

    public string Title { get; set; } = DefaultTitle;
    public string Introduction { get; set; } = DefaultIntroduction;

    public bool IsPublished { get; set; }

    /// <summary>UTC; a DateTime because SQLite cannot order by a DateTimeOffset.</summary>
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The published <see cref="YouSaidWeDidContent"/> as JSON; null until first published.</summary>
    public string? PublishedContent { get; set; }

    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}
