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
