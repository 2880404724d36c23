using System.Text.Json;

namespace ServicePlan.Audit;

public enum AuditChange
{
    Added,
    Changed,
    Removed,

    /// <summary>
    /// Words erased under data-protection law: the entry says what was redacted, by whom and why, never the words. It is
    /// the one change ever made to earlier entries too, whose before and after values lose the words.
    /// </summary>
    Redacted,
}

/// <summary>One field of a record before and after a change; null where there was no value (or, for secrets, no value is kept).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// A change to something in ServicePlan: who made it, when, to what, and each field before and after. Written in
/// the same transaction as the change itself, and never changed or removed afterwards.
/// </summary>
public sealed class AuditEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>UTC; a DateTime because SQLite cannot order by a DateTimeOffset.</summary>
    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    /// <summary>The person's name as they were known at the time, or what made the change ("Command line", "Reminder e-mails").</summary>
    public required string UserName { get; set; }

    /// <summary>What was changed, in the users' words: "Action", "Progress update", "Review", "User".</summary>
    public required string Entity { get; set; }

    public required string EntityId { get; set; }
    public AuditChange Change { get; set; }

    /// <summary>Whose record it is, so one organisation's admins never read another's trail. Null for changes no organisation owns.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The plan the record belongs to, when it belongs to one: for finding a plan's history.</summary>
    public Guid? PlanId { get; set; }

    /// <summary>The action the record belongs to (the action itself, or one of its updates): for the action page's history.</summary>
    public Guid? ActionId { get; set; }

    /// <summary>
    /// The change as one sentence in the users' words ("Action 12 moved to objective 'Kinship care'"), when the command
    /// that made it said what it meant; readers are shown it instead of the field list, which is still kept.
    /// </summary>
    public string? Summary { get; set; }

    /// <summary>The field changes as JSON; see <see cref="Fields"/>.</summary>
    public string Changes { get; set; } = "[]";

    public IReadOnlyList<FieldChange> Fields
    {
        get => JsonSerializer.Deserialize<List<FieldChange>>(Changes, Json) ?? [];
        init => Changes = JsonSerializer.Serialize(value, Json);
    }

    /// <summary>
    /// The one entry for a whole plan written in bulk (an import, the demo generator): its rows bypass the change
    /// tracker, and so the per-record entries, and the trail says instead what was written and how much.
    /// </summary>
    public static AuditEntry ForPlanWrittenInBulk(Plans.Plan plan, DateTime atUtc, string? userId, string userName, string how, string contents) => new()
    {
        AtUtc = atUtc,
        UserId = userId,
        UserName = userName,
        Entity = "Plan",
        EntityId = plan.Id.ToString(),
        Change = AuditChange.Added,
        OrganisationId = plan.OrganisationId,
        PlanId = plan.Id,
        Fields = [new FieldChange("Title", null, plan.Title), new FieldChange(how, null, contents)],
    };
}
