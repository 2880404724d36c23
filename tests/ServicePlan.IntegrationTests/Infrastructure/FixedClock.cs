namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>"Today" for the tests: mid-way through the demo plan's year, so overdue and due-soon are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DemoToday = new(2024, 10, 15, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
