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
        builder.HasMany(s => s.Objectives).WithOne(o => o.Section).HasForeignKey(o => o.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
