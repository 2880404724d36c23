using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Audit;

namespace ServicePlan.Database.Mappings;

public sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign keys: the trail outlives what it describes, and must never be cascaded away with it.
        builder.ToTable("AuditEntries");
        builder.Ignore(e => e.Fields);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Entity).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(200);
        builder.Property(e => e.Summary).HasMaxLength(FieldLengths.AuditSummary);
        builder.Property(e => e.Change).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.OrganisationId, e.AtUtc });
        builder.HasIndex(e => new { e.ActionId, e.AtUtc });
        builder.HasIndex(e => new { e.PlanId, e.AtUtc });
    }
}
