using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServicePlan.Audit;
using ServicePlan.CommitteeReport;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Reminders;
using ServicePlan.Reviews;
using ServicePlan.Sources;
using ServicePlan.Users;
using ServicePlan.YouSaidWeDid;

namespace ServicePlan.Database;

/// <summary>
/// The one model for both providers. Each provider has a subclass only so it can keep its own migrations
/// (EF Core "Migrations with Multiple Providers"); see <see cref="ServicePlanDatabase"/> for which is used.
/// </summary>
public abstract class ServicePlanDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<PlanPerson> People => Set<PlanPerson>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<ReviewSnapshot> ReviewSnapshots => Set<ReviewSnapshot>();
    public DbSet<ReviewSnapshotAction> ReviewSnapshotActions => Set<ReviewSnapshotAction>();
    public DbSet<CommentVersion> CommentVersions => Set<CommentVersion>();
    public DbSet<ReviewNarrative> Narratives => Set<ReviewNarrative>();
    public DbSet<PersonalDataDecision> PersonalDataDecisions => Set<PersonalDataDecision>();
    public DbSet<PersonalDataConfirmation> PersonalDataConfirmations => Set<PersonalDataConfirmation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<YouSaidWeDidPage> YouSaidWeDidPages => Set<YouSaidWeDidPage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    private readonly Dictionary<object, string> _summaries = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Says in the users' words what the next save does to <paramref name="record"/> ("Action 12 removed"): the audit
    /// entry for that record carries the sentence, and the trail shows it rather than the changed fields. A record with
    /// a sentence is recorded even when none of its own fields changed (an objective whose sources alone changed).
    /// </summary>
    public void Summarise(object record, string sentence) => _summaries[record] = sentence;

    /// <summary>The sentence given for the record, once: a later save of the same record says its own.</summary>
    internal string? TakeSummary(object record) => _summaries.Remove(record, out var sentence) ? sentence : null;

    internal void ForgetSummaries() => _summaries.Clear();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ServicePlanDbContext).Assembly);
        MarkUtcTimes(builder);
    }

    /// <summary>
    /// Every stored time ending in "Utc" is read back as UTC. PostgreSQL's timestamptz does this already; SQLite keeps
    /// no kind, and a time of unspecified kind would be written to JSON without its "Z" and shown in the wrong zone.
    /// The column type is unchanged, so this is no schema change.
    /// </summary>
    private static void MarkUtcTimes(ModelBuilder builder)
    {
        var converter = new ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if ((property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                    && property.Name.EndsWith("Utc", StringComparison.Ordinal) && property.GetValueConverter() is null)
                {
                    property.SetValueConverter(converter);
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads sensibly in a query tool and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteServicePlanDbContext(DbContextOptions<SqliteServicePlanDbContext> options)
    : ServicePlanDbContext(options);

public sealed class PostgresServicePlanDbContext(DbContextOptions<PostgresServicePlanDbContext> options)
    : ServicePlanDbContext(options);
