using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Privacy;
using ServicePlan.Reviews;

namespace ServicePlan.Database.Mappings;

public sealed class PersonalDataDecisionMapping : IEntityTypeConfiguration<PersonalDataDecision>
{
    public void Configure(EntityTypeBuilder<PersonalDataDecision> builder)
    {
        builder.ToTable("PersonalDataDecisions");
        builder.HasOne<Review>().WithMany().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ReviewId, d.Location, d.Found }).IsUnique();
        builder.Property(d => d.Location).HasMaxLength(400);
        builder.Property(d => d.Found).HasMaxLength(400);
        builder.Property(d => d.Reason).HasMaxLength(FieldLengths.PersonalDataReason);
        builder.Property(d => d.DecidedBy).HasMaxLength(200);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);
    }
}
