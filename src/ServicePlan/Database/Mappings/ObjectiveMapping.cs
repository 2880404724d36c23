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
        builder.HasMany(o => o.Actions).WithOne(a => a.Objective).HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Sources).WithMany().UsingEntity("ObjectiveSources");
    }
}
