using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Users;
using ServicePlan.YouSaidWeDid;

namespace ServicePlan.Database.Mappings;

public sealed class YouSaidWeDidPageMapping : IEntityTypeConfiguration<YouSaidWeDidPage>
{
    public void Configure(EntityTypeBuilder<YouSaidWeDidPage> builder)
    {
        builder.ToTable("YouSaidWeDidPages");

        // One page per organisation.
        builder.HasKey(p => p.OrganisationId);
        builder.HasOne<Organisation>().WithOne().HasForeignKey<YouSaidWeDidPage>(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Slug).HasMaxLength(PageSlug.MaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.YouSaidWeDidTitle);
        builder.Property(p => p.Introduction).HasMaxLength(FieldLengths.YouSaidWeDidIntroduction);
        builder.Property(p => p.PublishedBy).HasMaxLength(200);
        builder.Property(p => p.UpdatedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
