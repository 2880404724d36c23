using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;
using ServicePlan.Users;

namespace ServicePlan.Database.Mappings;

public sealed class PlanMapping : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OrganisationId);
        builder.Property(p => p.Title).HasMaxLength(FieldLengths.PlanTitle);
        builder.Property(p => p.Service).HasMaxLength(FieldLengths.PlanService);
        builder.Property(p => p.Period)
            .HasConversion(year => year.StartYear, startYear => new FinancialYear(startYear))
            .HasColumnName("PeriodStartYear");
        builder.Property(p => p.Owner).HasMaxLength(FieldLengths.PlanOwner);
        builder.Property(p => p.MonitoringBoard).HasMaxLength(FieldLengths.PlanMonitoringBoard);
        builder.Property(p => p.ReviewFrequency).HasMaxLength(FieldLengths.PlanReviewFrequency);
        builder.Property(p => p.Version).IsConcurrencyToken();

        // Unique, so a plan is rolled over at most once even when two owners confirm at the same moment.
        builder.HasOne<Plan>().WithMany().HasForeignKey(p => p.PreviousPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PreviousPlanId).IsUnique();
        builder.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.People).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
