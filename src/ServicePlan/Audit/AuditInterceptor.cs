using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServicePlan.Database;
using ServicePlan.Reminders;
using ServicePlan.Users;

namespace ServicePlan.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every record added, changed or removed, inside the same SaveChanges and so
/// the same transaction: a change is never saved without its entry, nor an entry without its change. Entries
/// themselves can only be added.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Secrets: that they changed is recorded, never what they are. An API key's Hash would let anyone who reads the trail test guesses offline.</summary>
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "Value", "Hash"];

    /// <summary>
    /// Bookkeeping no reader needs: concurrency tokens, Identity's upper-cased copies, and when an API key was last used
    /// (a script's use is not a change; a save that changes only that writes no entry).
    /// </summary>
    private static readonly HashSet<string> Noise = ["Version", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "NormalizedName", "LastUsedAtUtc"];

    /// <summary>
    /// Fields the trail names by what the property was called when the trail began: readers search the trail and
    /// its exports by these words, and entries already written keep them, so renaming a property in code never
    /// changes what the trail says.
    /// </summary>
    private static readonly Dictionary<(Type, string), string> FieldNames = new Dictionary<(Type, string), string>
    {
        [(typeof(ServicePlan.Plans.PlanAction), nameof(ServicePlan.Plans.PlanAction.DoesWhat))] = "WhatIsDone",
        [(typeof(ServicePlan.Plans.Plan), nameof(ServicePlan.Plans.Plan.ArchivedAtUtc))] = "Archived",
    }
        // A plan's header reads as the plan page shows it ("Monitored by"), from the first edit of a header on.
        .Concat(ServicePlan.Plans.PlanHeader.PropertyNames.Select(p => KeyValuePair.Create((typeof(ServicePlan.Plans.Plan), p.Key), p.Value)))
        .ToDictionary();

    /// <summary>An entry changing only a plan's header fields is about the header: "Plan header", changed, "Title: … → …".</summary>
    private static readonly HashSet<string> HeaderFields = [.. ServicePlan.Plans.PlanHeader.PropertyNames.Values];

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(ServicePlan.Plans.PlanAction)] = "Action",
        [typeof(ServicePlan.Progress.ProgressUpdate)] = "Progress update",
        [typeof(ServicePlan.Progress.CommentVersion)] = "Earlier wording",
        [typeof(ServicePlan.CommitteeReport.ReviewNarrative)] = "Report narrative",
        [typeof(ServicePlan.Privacy.PersonalDataDecision)] = "Personal data decision",
        [typeof(ServicePlan.Privacy.PersonalDataConfirmation)] = "Personal data confirmed when saved",
        [typeof(ServicePlan.Plans.PlanPerson)] = "Plan person",
        [typeof(ApplicationUser)] = "User",
        [typeof(IdentityUserRole<string>)] = "User role",
        [typeof(IdentityRole)] = "Role",
        [typeof(ApiKey)] = "API key",
        [typeof(ServicePlan.Plans.ActionListSettings)] = "Action list settings",
        [typeof(ServicePlan.Plans.Section)] = "Section",
        [typeof(ServicePlan.Plans.Objective)] = "Objective",
    };

    /// <summary>The join tables, which have no type of their own, by what they mean.</summary>
    private static readonly Dictionary<string, string> SharedNames = new()
    {
        ["ActionLeads"] = "Action lead",
        ["ObjectiveSources"] = "Objective source",
    };

    /// <summary>What the trail calls a record of this type: "Action", "Progress update".</summary>
    public static string EntityName(Type type) => Names.GetValueOrDefault(type) ?? type.Name;

    /// <summary>What the trail calls a property of a record of this type: its name, or the name it had when the trail began.</summary>
    public static string FieldName(Type type, string property) => FieldNames.GetValueOrDefault((type, property), property);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // With async false every await below completes before it returns.
        AddEntriesAsync(eventData.Context, async: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AddEntriesAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    // A failed save leaves its entries tracked; a later save in the same context must not write them for a change that never happened.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnsaved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnsaved(eventData.Context);
        return Task.CompletedTask;
    }

    private static void ForgetUnsaved(DbContext? context)
    {
        (context as ServicePlanDbContext)?.ForgetSummaries();
        foreach (var entry in context?.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList() ?? [])
            entry.State = EntityState.Detached;
    }

    private async ValueTask AddEntriesAsync(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is null)
            return;
        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("Audit entries are never changed or removed.");

        var now = clock.GetUtcNow().UtcDateTime;
        // A closed review's snapshot is its figures written down, not a change anyone made: the close is audited.
        var audited = changed.Where(e => e.Entity is not (AuditEntry or SentReminder or ServicePlan.Reviews.ReviewSnapshot or ServicePlan.Reviews.ReviewSnapshotAction)).ToList();
        var plans = await PlanOfRecords.FindAsync(context, audited, async, ct);
        var summaries = context as ServicePlanDbContext;
        foreach (var entry in audited)
        {
            var fields = Fields(entry);
            var summary = summaries?.TakeSummary(entry.Entity);
            if (entry.State == EntityState.Modified && fields.Count == 0 && summary is null)
                continue;
            context.Add(new AuditEntry
            {
                AtUtc = now,
                UserId = actor.UserId,
                UserName = actor.Name,
                Entity = entry.Entity is ServicePlan.Plans.Plan && entry.State == EntityState.Modified && fields.All(f => HeaderFields.Contains(f.Field)) ? "Plan header" : NameOf(entry),
                EntityId = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue))),
                Change = entry.State switch
                {
                    EntityState.Added => AuditChange.Added,
                    EntityState.Deleted => AuditChange.Removed,
                    _ => AuditChange.Changed,
                },
                OrganisationId = IdOf(entry, "OrganisationId") ?? actor.OrganisationId,
                PlanId = plans.TryGetValue(entry, out var plan) ? plan : null,
                ActionId = IdOf(entry, "ActionId") ?? (entry.Entity is ServicePlan.Plans.PlanAction action ? action.Id : null),
                Summary = summary,
                Fields = fields,
            });
        }
    }

    private static List<FieldChange> Fields(EntityEntry entry)
    {
        var fields = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Noise.Contains(name) || property.Metadata.IsPrimaryKey() && entry.State == EntityState.Modified)
                continue;
            var before = entry.State == EntityState.Added ? null : Text(property.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : Text(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || before == after))
                continue;
            if (entry.State != EntityState.Modified && before is null && after is null)
                continue;
            if (Secret.Contains(name))
                (before, after) = (before is null ? null : "(secret)", after is null ? null : "(secret, changed)");
            fields.Add(new FieldChange(FieldNames.GetValueOrDefault((entry.Metadata.ClrType, name), name), before, after));
        }

        return fields;
    }

    private static string NameOf(EntityEntry entry) =>
        Names.GetValueOrDefault(entry.Metadata.ClrType) ??
        (entry.Metadata.HasSharedClrType ? SharedNames.GetValueOrDefault(entry.Metadata.ShortName()) ?? entry.Metadata.ShortName() : entry.Metadata.ClrType.Name);

    private static Guid? IdOf(EntityEntry entry, string property) =>
        entry.Metadata.FindProperty(property) is { } found && entry.Property(found.Name).CurrentValue is Guid id ? id : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
