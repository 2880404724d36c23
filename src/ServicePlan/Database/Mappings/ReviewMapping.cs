using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Reviews;

namespace ServicePlan.Database.Mappings;

public sealed class ReviewMapping : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("Reviews");
        builder.Property(r => r.Label).HasMaxLength(FieldLengths.ReviewLabel);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.OpenedByUserId).HasMaxLength(450);
        builder.HasIndex(r => new { r.PlanId, r.Label }).IsUnique();
    }
}
