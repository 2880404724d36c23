using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class ApiKeyMapping : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(k => k.UserId).HasMaxLength(450);
        builder.Property(k => k.Name).HasMaxLength(FieldLengths.ApiKeyName);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeyText.PrefixLength);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Ignore(k => k.IsRevoked);

        // Every API request finds its key by prefix.
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => k.UserId);
    }
}
