using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePlan.Reminders;
using ServicePlan.Reviews;

namespace ServicePlan.Database.Mappings;

public sealed class SentReminderMapping : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("SentReminders");
        builder.Ignore(s => s.Key);
        builder.HasOne<Review>().WithMany().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.RecipientUserId).HasMaxLength(450);

        // The guard against sending twice: whoever inserts the row first sends the e-mail, a restart or a second
        // copy of the app finds it taken.
        builder.HasIndex(s => new { s.ReviewId, s.RecipientUserId, s.Kind, s.Week }).IsUnique();
    }
}
