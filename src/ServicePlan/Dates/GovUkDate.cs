using System.Globalization;

namespace ServicePlan.Dates;

/// <summary>The parts of a day/month/year date input that a problem is in.</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>What a date input held: a date, nothing (when it may be left empty), or an error to show beside it.</summary>
/// <param name="Date">The date, when the parts make a real one.</param>
/// <param name="Error">The GOV.UK message for the field, or null when there is no problem.</param>
/// <param name="ErrorParts">Which inputs to mark as in error.</param>
public sealed record DateReading(DateOnly? Date, string? Error, DateParts ErrorParts)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Reads a GOV.UK date input (three boxes: day, month, year) with the Design System's error messages:
/// "Enter the review date", "The review date must include a month", "The review date must be a real date",
/// "Year must include 4 numbers". Months may be typed as numbers or names ("2", "Feb", "February").
/// </summary>
public static class GovUkDate
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <param name="fieldName">How the date is named at the start of a sentence, like "The review date".</param>
    /// <param name="required">When false, three empty boxes read as no date rather than an error.</param>
    public static DateReading Parse(string? day, string? month, string? year, string fieldName, bool required = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldName);
        day = day?.Trim() ?? "";
        month = month?.Trim() ?? "";
        year = year?.Trim() ?? "";

        var missing = (day.Length == 0 ? DateParts.Day : 0) | (month.Length == 0 ? DateParts.Month : 0) | (year.Length == 0 ? DateParts.Year : 0);
        if (missing == DateParts.All)
            return required ? new(null, $"Enter {LowerFirst(fieldName)}", DateParts.All) : new(null, null, DateParts.None);
        if (missing != DateParts.None)
            return new(null, $"{fieldName} must include {MissingWords(missing)}", missing);

        var wrong = DateParts.None;
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31)
            wrong |= DateParts.Day;
        if (ReadMonth(month) is not { } m)
        {
            wrong |= DateParts.Month;
            m = 0;
        }

        var yearIsNumber = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
        if (!yearIsNumber)
            wrong |= DateParts.Year;
        if (wrong != DateParts.None)
            return new(null, $"{fieldName} must be a real date", wrong);

        // Two-digit years are not guessed at: "25" could be 1925 or 2025.
        if (year.Length != 4 || y < 1000)
            return new(null, "Year must include 4 numbers", DateParts.Year);
        if (d > DateTime.DaysInMonth(y, m))
            return new(null, $"{fieldName} must be a real date", DateParts.Day);
        return new(new DateOnly(y, m, d), null, DateParts.None);
    }

    private static int? ReadMonth(string month)
    {
        if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number is >= 1 and <= 12 ? number : null;
        if (month.Length < 3)
            return null;
        for (var i = 0; i < 12; i++)
        {
            if (MonthNames[i].StartsWith(month, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return null;
    }

    private static string MissingWords(DateParts missing) => missing switch
    {
        DateParts.Day => "a day",
        DateParts.Month => "a month",
        DateParts.Year => "a year",
        DateParts.Day | DateParts.Month => "a day and month",
        DateParts.Day | DateParts.Year => "a day and year",
        _ => "a month and year",
    };

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
