using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class SourceMapping : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("Sources");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Title).HasMaxLength(FieldLengths.SourceTitle);
        builder.Property(s => s.Reference).HasMaxLength(FieldLengths.SourceReference);
        builder.Property(s => s.YouSaid).HasMaxLength(FieldLengths.SourceText);
        builder.Property(s => s.WeDid).HasMaxLength(FieldLengths.SourceText);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsReadyForYouSaidWeDid);
        builder.HasIndex(s => new { s.OrganisationId, s.Title });
    }
}
