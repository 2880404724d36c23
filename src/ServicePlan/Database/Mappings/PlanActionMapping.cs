using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Plans;

namespace ServicePlan.Database.Mappings;

public sealed class PlanActionMapping : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("Actions");
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PlanId, a.Order });
        // The column keeps the name it was created with, so the schema is unchanged by the property's rename.
        builder.Property(a => a.DoesWhat).HasColumnName("WhatIsDone");
        builder.Property(a => a.Ref).HasMaxLength(FieldLengths.ActionRef);
        builder.Property(a => a.LeadsText).HasMaxLength(FieldLengths.ActionWho);
        builder.Property(a => a.DueText).HasMaxLength(FieldLengths.ActionByWhen);
        builder.Property(a => a.ExemptParagraph).HasMaxLength(FieldLengths.ExemptParagraph);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.CurrentRating);
        // Removed actions are kept for the plan's Removed list and its history, and left out of every other query here,
        // so no list, count, download or report can forget to. Only PlanStructure asks for them (IgnoreQueryFilters).
        builder.HasQueryFilter(a => a.RemovedAtUtc == null);
        builder.Property(a => a.RemovedBy).HasMaxLength(FieldLengths.RemovedBy);

        // An action is carried forward once, into one next year's action; lineage walks this link backwards.
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PredecessorId).IsUnique();
        builder.HasMany(a => a.Leads).WithMany().UsingEntity("ActionLeads");
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
