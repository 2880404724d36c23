using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;

namespace ServicePlan.Database.Mappings;

public sealed class SectionMapping : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("Sections");
        builder.Property(s => s.Title).HasMaxLength(FieldLengths.SectionTitle);
        builder.HasIndex(s => new { s.PlanId, s.Order });
        builder.Property(s => s.Version).IsConcurrencyToken();
        // Removed sections are kept for the plan's Removed list and its history, and left out of every other query here,
        // so no list, count, download or report can forget to. Only PlanStructure asks for them (IgnoreQueryFilters).
        builder.HasQueryFilter(s => s.RemovedAtUtc == null);
        builder.Property(s => s.RemovedBy).HasMaxLength(FieldLengths.RemovedBy);
        builder.HasMany(s => s.Objectives).WithOne(o => o.Section).HasForeignKey(o => o.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
