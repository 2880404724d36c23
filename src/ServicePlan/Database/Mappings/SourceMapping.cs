using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class SourceMapping : IEntityTypeConfiguration<Source>
{
    public const int MaxTitleLength = 500;
    public const int MaxReferenceLength = 200;

    /// <summary>A recommendation, or one half of "You said, we did": a paragraph or two, not a report.</summary>
    public const int MaxTextLength = 4000;

    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("Sources");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Title).HasMaxLength(MaxTitleLength);
        builder.Property(s => s.Reference).HasMaxLength(MaxReferenceLength);
        builder.Property(s => s.YouSaid).HasMaxLength(MaxTextLength);
        builder.Property(s => s.WeDid).HasMaxLength(MaxTextLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsReadyForYouSaidWeDid);
        builder.HasIndex(s => new { s.OrganisationId, s.Title });
    }
}
