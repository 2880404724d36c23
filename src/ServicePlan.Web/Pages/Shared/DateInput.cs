using Microsoft.AspNetCore.Mvc.ModelBinding;
using ServicePlan.Dates;

namespace ServicePlan.Web.Pages.Shared;

/// <summary>
/// What the shared GOV.UK date input partial (_DateInput) shows: the three boxes named
/// <c>{Prefix}.Day</c>, <c>{Prefix}.Month</c> and <c>{Prefix}.Year</c>.
/// </summary>
/// <param name="FieldName">How the date is named at the start of a sentence in its messages, like "The review date".</param>
public sealed record DateInputModel(string Prefix, string Legend, string? Hint, string? Day, string? Month, string? Year, string FieldName, bool Required = true)
{
    public static string Key(string prefix, DateParts part) => $"{prefix}.{part}";

    /// <summary>
    /// Reads the three boxes with <see cref="GovUkDate"/>. A problem is filed under the first box in error, so the
    /// error summary's link lands on it.
    /// </summary>
    public static DateOnly? Read(ModelStateDictionary modelState, string prefix, string? day, string? month, string? year, string fieldName, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var reading = GovUkDate.Parse(day, month, year, fieldName, required);
        if (reading.Error is { } error)
            modelState.AddModelError(Key(prefix, FirstPart(reading.ErrorParts)), error);
        return reading.Date;
    }

    /// <summary>The first error on any of the three boxes, and which boxes to mark.</summary>
    public (string? Error, DateParts Parts) Problem(ModelStateDictionary modelState)
    {
        foreach (var part in new[] { DateParts.Day, DateParts.Month, DateParts.Year })
        {
            if (FormHelpers.ErrorMessage(modelState, Key(Prefix, part)) is { } error)
            {
                // The rule is plain, so reading the boxes again tells which ones the message is about.
                var parts = GovUkDate.Parse(Day, Month, Year, FieldName, Required).ErrorParts;
                return (error, parts == DateParts.None ? DateParts.All : parts);
            }
        }

        return (null, DateParts.None);
    }

    private static DateParts FirstPart(DateParts parts) =>
        parts.HasFlag(DateParts.Day) ? DateParts.Day : parts.HasFlag(DateParts.Month) ? DateParts.Month : DateParts.Year;
}
