using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class PlanPersonMapping : IEntityTypeConfiguration<PlanPerson>
{
    public void Configure(EntityTypeBuilder<PlanPerson> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.PersonName);
        builder.Property(p => p.Initials).HasMaxLength(FieldLengths.PersonInitials);
        builder.Property(p => p.Role).HasMaxLength(FieldLengths.PersonRole);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.UserId);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
