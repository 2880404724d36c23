using System.Text.Json;
using ServicePlan.Progress;

namespace ServicePlan.CommitteeReport;

/// <summary>The report's figures and lists as JSON, for scripts and for checking a report before it is sent.</summary>
public static class CoverReportJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Render(CoverReport report)
    {
        object Item(ReportAction a) => new { @ref = a.Ref, section = a.Section, title = a.DoesWhat, rating = a.Rating.Name(), comment = a.Comment };
        return JsonSerializer.Serialize(
            new
            {
                plan = report.Header.PlanTitle,
                review = report.Header.ReviewLabel,
                date = report.Header.Date,
                @public = report.Header.IsPublic,
                ratings = new { blue = report.Counts.Blue, red = report.Counts.Red, amber = report.Counts.Amber, green = report.Counts.Green, unrated = report.Counts.Unrated },
                keyAchievements = report.KeyAchievements.Select(Item),
                areasForDevelopment = report.AreasForDevelopment.Select(Item),
                overdue = report.Overdue.Select(Item),
                withheld = report.Withheld,
            },
            Options);
    }
}
