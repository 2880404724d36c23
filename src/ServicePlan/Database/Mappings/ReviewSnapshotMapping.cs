using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Reviews;

namespace ServicePlan.Database.Mappings;

public sealed class ReviewSnapshotMapping : IEntityTypeConfiguration<ReviewSnapshot>
{
    public void Configure(EntityTypeBuilder<ReviewSnapshot> builder)
    {
        builder.ToTable("ReviewSnapshots");
        builder.HasKey(s => s.ReviewId);
        builder.HasOne<Review>().WithOne().HasForeignKey<ReviewSnapshot>(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.PreviousLabel).HasMaxLength(FieldLengths.ReviewLabel);
        builder.HasIndex(s => s.PlanId);
        builder.HasMany(s => s.Actions).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewSnapshotActionMapping : IEntityTypeConfiguration<ReviewSnapshotAction>
{
    public void Configure(EntityTypeBuilder<ReviewSnapshotAction> builder)
    {
        builder.ToTable("ReviewSnapshotActions");
        builder.HasKey(a => new { a.ReviewId, a.ActionId });
        builder.Property(a => a.Ref).HasMaxLength(FieldLengths.ActionRef);
        builder.Property(a => a.Section).HasMaxLength(FieldLengths.SectionTitle);
    }
}
