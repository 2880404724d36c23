using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class PersonalDataConfirmationMapping : IEntityTypeConfiguration<PersonalDataConfirmation>
{
    public void Configure(EntityTypeBuilder<PersonalDataConfirmation> builder)
    {
        builder.ToTable("PersonalDataConfirmations");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // Through the plan the audit trail files each confirmation under its plan (PlanOfRecords).
        builder.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(c => c.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganisationId, c.ConfirmedAtUtc });
        builder.Property(c => c.Where).HasMaxLength(400);
        builder.Property(c => c.Found).HasMaxLength(400);
        builder.Property(c => c.Reason).HasMaxLength(FieldLengths.PersonalDataReason);
        builder.Property(c => c.ConfirmedBy).HasMaxLength(200);
        builder.Property(c => c.ConfirmedByUserId).HasMaxLength(450);
    }
}
