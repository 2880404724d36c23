using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.CommitteeReport;
using ServicePlan.Reviews;

namespace ServicePlan.Database.Mappings;

public sealed class ReviewNarrativeMapping : IEntityTypeConfiguration<ReviewNarrative>
{
    public void Configure(EntityTypeBuilder<ReviewNarrative> builder)
    {
        builder.ToTable("ReviewNarratives");
        builder.HasOne<Review>().WithOne().HasForeignKey<ReviewNarrative>(n => n.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.ReviewId).IsUnique();
        builder.Property(n => n.Committees).HasMaxLength(300);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.ReportOf).HasMaxLength(300);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.AuthorTitle).HasMaxLength(200);
        builder.Property(n => n.AuthorPhone).HasMaxLength(50);
        builder.Property(n => n.AuthorEmail).HasMaxLength(256);
        builder.Property(n => n.UpdatedBy).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();
    }
}
