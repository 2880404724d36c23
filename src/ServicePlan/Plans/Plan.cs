using ServicePlan.Reviews;

namespace ServicePlan.Plans;

/// <summary>A yearly Service Development Plan and its header.</summary>
public sealed class Plan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string Title { get; set; }

    /// <summary>The service the plan belongs to, e.g. "Children's Social Care &amp; Early Help".</summary>
    public string? Service { get; set; }
    public FinancialYear Period { get; set; }
    public string? Owner { get; set; }
    public string? MonitoringBoard { get; set; }
    public string? RelevantStrategies { get; set; }
    public string ReviewFrequency { get; set; } = "Quarterly";
    public string? Aims { get; set; }

    /// <summary>What the plan was "created with ideas from": self-evaluation, audits, surveys, as the owner wrote it.</summary>
    public string? CreatedWithIdeasFrom { get; set; }
    public DateOnly? ImplementationDate { get; set; }
    public DateOnly? ReviewDate { get; set; }

    /// <summary>
    /// True for the demo plan: its source spreadsheet gave ratings only as cell colours, which were lost,
    /// so the ratings shown are made up for illustration and the plan page says so.
    /// </summary>
    public bool RatingsAreIllustrative { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Open;

    /// <summary>The plan this one was rolled over from: last year's.</summary>
    public Guid? PreviousPlanId { get; set; }

    /// <summary>When this plan was rolled over into next year's and closed (UTC).</summary>
    public DateTime? RolledOverAtUtc { get; set; }

    /// <summary>When the owner archived the plan (UTC): out of the plans list and read-only until restored.</summary>
    public DateTime? ArchivedAtUtc { get; set; }

    public bool IsArchived => ArchivedAtUtc is not null;

    /// <summary>
    /// Nothing in the plan may change: no edits, progress, reviews opened or closed, or changes to its structure. True
    /// once it is rolled over and closed, or while it is archived.
    /// </summary>
    public bool IsReadOnly => Status == PlanStatus.Closed || IsArchived;

    /// <summary>Why the plan is read-only, as a sentence to end "… so it can no longer be changed"; null when it is not.</summary>
    public string? ReadOnlyBecause => IsArchived ? "This plan is archived" : Status == PlanStatus.Closed ? "This plan has been rolled over and closed" : null;

    public List<Section> Sections { get; set; } = [];
    public List<PlanPerson> People { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];

    public int Version { get; set; }
}

public enum PlanStatus
{
    Open,

    /// <summary>Rolled over into next year's plan: kept for history, read-only.</summary>
    Closed,
}
