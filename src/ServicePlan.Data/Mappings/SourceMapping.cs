using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Core.Organisations;
using ServicePlan.Core.Sources;

namespace ServicePlan.Data.Mappings;

public sealed class SourceMapping : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("Sources");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Reference).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganisationId, s.Title });
    }
}
