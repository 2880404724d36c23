using System.Globalization;

namespace ServicePlan.Dates;

/// <summary>
/// Shows a stored UTC time as the clock on the wall in England: GMT in winter, BST (UTC+1) from the last Sunday
/// in March to the last Sunday in October. Every time a person reads goes through here; the API keeps UTC.
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK wall-clock time of <paramref name="utc"/>. A time whose kind was lost is taken as UTC, as every stored time is.</summary>
    public static DateTime ToUk(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>The UTC instant at which <paramref name="day"/> starts in the UK (midnight is never skipped by a clock change).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);

    /// <summary>"3 December 2026 at 3:45pm" (GOV.UK style: 12-hour clock, "midday" and "midnight" for 12).</summary>
    public static string Format(DateTime utc)
    {
        var uk = ToUk(utc);
        return $"{uk.ToString("d MMMM yyyy", UkEnglish)} at {Clock(uk)}";
    }

    /// <summary>"3 Dec 2026, 3:45pm": for tables.</summary>
    public static string Short(DateTime utc)
    {
        var uk = ToUk(utc);
        return $"{uk.ToString("d MMM yyyy", UkEnglish)}, {Clock(uk)}";
    }

    /// <summary>The UK calendar day of <paramref name="utc"/> as "3 December 2026" (or another date pattern).</summary>
    public static string Date(DateTime utc, string pattern = "d MMMM yyyy") =>
        ToUk(utc).ToString(pattern, UkEnglish);

    /// <summary>"2026-12-03 15:45:00": for CSV files and terminals, sortable, in UK time.</summary>
    public static string Sortable(DateTime utc) =>
        ToUk(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Clock(DateTime uk) => (uk.Hour, uk.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        var (h, m) => $"{(h % 12 == 0 ? 12 : h % 12)}:{m:00}{(h < 12 ? "am" : "pm")}",
    };
}
