using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Progress;

namespace ServicePlan.Database.Mappings;

public sealed class ProgressUpdateMapping : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.ToTable("ProgressUpdates");
        builder.Property(u => u.AuthorName).HasMaxLength(200);
        builder.Property(u => u.EnteredByName).HasMaxLength(200);
        builder.Property(u => u.ExemptParagraph).HasMaxLength(FieldLengths.ExemptParagraph);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Review).WithMany().HasForeignKey(u => u.ReviewId).OnDelete(DeleteBehavior.Restrict);

        // The current rating is the latest update's: this index answers "latest update per action" without a scan.
        builder.HasIndex(u => new { u.ActionId, u.RecordedAtUtc });
        builder.HasIndex(u => u.ReviewId);
    }
}
