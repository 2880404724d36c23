using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class ActionListSettingsMapping : IEntityTypeConfiguration<ActionListSettings>
{
    public void Configure(EntityTypeBuilder<ActionListSettings> builder)
    {
        builder.ToTable("ActionListSettings");
        builder.HasKey(s => s.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.HiddenColumns).HasMaxLength(200);
    }
}
