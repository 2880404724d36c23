using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Database.Mappings;

public sealed class CommentVersionMapping : IEntityTypeConfiguration<CommentVersion>
{
    public void Configure(EntityTypeBuilder<CommentVersion> builder)
    {
        builder.ToTable("CommentVersions");
        builder.HasOne<ProgressUpdate>().WithMany().HasForeignKey(v => v.ProgressUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(v => v.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.ReplacedBy).HasMaxLength(200);
        builder.HasIndex(v => new { v.ProgressUpdateId, v.ReplacedAtUtc });
        builder.HasIndex(v => v.ActionId);
    }
}
