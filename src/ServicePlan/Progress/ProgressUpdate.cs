using ServicePlan.Reviews;

namespace ServicePlan.Progress;

/// <summary>A dated rating and comment on one action, made in a review. Updates are only ever added, so history is never lost.</summary>
public sealed class ProgressUpdate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActionId { get; set; }
    public Guid? ReviewId { get; set; }
    public Review? Review { get; set; }
    public Rating Rating { get; set; }
    public string Comment { get; set; } = "";
    public required string AuthorName { get; set; }
    public string? AuthorUserId { get; set; }

    /// <summary>
    /// Who typed the update when it was not its author: an owner entering a lead's update on their behalf (the lead
    /// is the author). Null when the author entered it themselves.
    /// </summary>
    public string? EnteredByName { get; set; }

    /// <summary>The account of <see cref="EnteredByName"/>; null when the author entered the update themselves.</summary>
    public string? EnteredByUserId { get; set; }

    /// <summary>"entered by Rachel Talmage on behalf of Sam Okafor", for the history and the audit trail; null when the author entered it.</summary>
    public string? OnBehalfText => EnteredByName is null ? null : ProgressRules.OnBehalfText(EnteredByName, AuthorName);

    /// <summary>UTC. A DateTime rather than a DateTimeOffset because SQLite cannot order by the latter.</summary>
    public DateTime RecordedAtUtc { get; set; }

    public bool IsExempt { get; set; }
    public string? ExemptParagraph { get; set; }

    /// <summary>Moves with every change to the words (an author's correction, a redaction), so two people never silently overwrite each other.</summary>
    public int Version { get; set; }

    /// <summary>The latest update: the last recorded, with the id (time-ordered) breaking ties within the same instant.</summary>
    public static ProgressUpdate? Latest(IEnumerable<ProgressUpdate> updates) =>
        updates.OrderBy(u => u.RecordedAtUtc).ThenBy(u => u.Id).LastOrDefault();
}
