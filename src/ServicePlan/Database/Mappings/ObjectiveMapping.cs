using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;

namespace ServicePlan.Database.Mappings;

public sealed class ObjectiveMapping : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.ToTable("Objectives");
        builder.HasIndex(o => new { o.SectionId, o.Order });
        builder.Property(o => o.Version).IsConcurrencyToken();
        // Removed objectives are kept for the plan's Removed list and its history, and left out of every other query here,
        // so no list, count, download or report can forget to. Only PlanStructure asks for them (IgnoreQueryFilters).
        builder.HasQueryFilter(o => o.RemovedAtUtc == null);
        builder.Property(o => o.RemovedBy).HasMaxLength(FieldLengths.RemovedBy);
        builder.HasMany(o => o.Actions).WithOne(a => a.Objective).HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Sources).WithMany().UsingEntity("ObjectiveSources");
    }
}
