using ServicePlan.Plans;

namespace ServicePlan.Export;

/// <summary>The plan's downloads: the committee appendix as .xlsx (the default), or a plain .csv.</summary>
public static class PlanFiles
{
    public static IReadOnlyList<FileFormat<PlanTable>> Formats { get; } =
    [
        new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxPlanWriter.Write),
        new("csv", "text/csv; charset=utf-8", CsvPlanWriter.Write),
    ];

    /// <summary>
    /// The title in letters, digits and hyphens, with the plan's year when the title does not already say it, and
    /// "-not-for-publication" on a file that is not public, so it is not mistaken for the public one once saved.
    /// </summary>
    public static string FileName(PlanTable table, FileFormat<PlanTable> format)
    {
        var period = table.Header.Period.ToString();
        var safe = new string(table.Header.Title.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ').ToArray());
        var name = string.Join('-', safe.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return (name.Contains(period, StringComparison.Ordinal) ? name : $"{name}-{period}") + (table.IsPublic ? "" : "-not-for-publication") + format.Extension;
    }
}
