namespace ServicePlan.Web.Pages.Shared;

/// <summary>A GOV.UK date input's three fields as posted; see _DateParts.cshtml.</summary>
public sealed class DatePartsInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public DateEntry Entry => new(Day, Month, Year);

    public static DatePartsInput From(DateOnly? date)
    {
        var entry = DateEntry.Of(date);
        return new DatePartsInput { Day = entry.Day, Month = entry.Month, Year = entry.Year };
    }
}
