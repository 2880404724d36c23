using System.Globalization;
using System.Text.RegularExpressions;
using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Rollover;

/// <summary>What happens to one action when its plan is rolled over into next year's.</summary>
public enum RolloverOutcome
{
    /// <summary>Not finished (anything but Blue): it goes on in the new plan.</summary>
    Carried,

    /// <summary>Blue, but marked retained for oversight: it goes on in the new plan, still Blue, so a dip can be seen.</summary>
    Retained,

    /// <summary>Blue: it stays behind in the closed old plan.</summary>
    Archived,
}

/// <summary>A plan that has already been made from this one: roll-over happens once.</summary>
public sealed record RolloverSuccessor(FinancialYear Period, DateTime? RolledOverAtUtc);

/// <summary>
/// The rules of the yearly roll-over (each April a new plan is made from the old), as plain decisions so that the
/// database work only carries them out.
/// </summary>
public static partial class RolloverRules
{
    public static RolloverOutcome Decide(Rating current, bool retainedForOversight) =>
        current != Rating.Blue ? RolloverOutcome.Carried
        : retainedForOversight ? RolloverOutcome.Retained
        : RolloverOutcome.Archived;

    /// <summary>Why this plan cannot be rolled over at all, in the owner's words; null when it can.</summary>
    public static string? Refusal(FinancialYear from, PlanStatus status, RolloverSuccessor? successor)
    {
        if (successor is not null)
        {
            var when = successor.RolledOverAtUtc is { } at ? " on " + Dates.UkTime.Date(at) : "";
            return $"Plan {from} was already rolled over into {successor.Period}{when}.";
        }

        return status == PlanStatus.Closed ? $"Plan {from} is closed, so it cannot be rolled over again." : null;
    }

    /// <summary>Why a plan for <paramref name="from"/> cannot be rolled over into <paramref name="to"/>; null when it can.</summary>
    public static string? PeriodRefusal(FinancialYear from, FinancialYear to) =>
        to > from ? null : $"The new plan's year must come after {from}: {to} does not.";

    /// <summary>
    /// The new plan's header: the same as the old, with its period, its dates and the year in its title moved on to
    /// <paramref name="to"/>. Sections, people and actions are copied separately.
    /// </summary>
    public static Plan NextHeader(Plan old, FinancialYear to)
    {
        var years = to.StartYear - old.Period.StartYear;
        return new Plan
        {
            OrganisationId = old.OrganisationId,
            Title = Retitle(old.Title, old.Period, to),
            Service = old.Service,
            Period = to,
            Owner = old.Owner,
            MonitoringBoard = old.MonitoringBoard,
            RelevantStrategies = old.RelevantStrategies,
            ReviewFrequency = old.ReviewFrequency,
            Aims = old.Aims,
            CreatedWithIdeasFrom = old.CreatedWithIdeasFrom,
            ImplementationDate = old.ImplementationDate?.AddYears(years),
            ReviewDate = old.ReviewDate?.AddYears(years),

            // Carried ratings are the old plan's, so if those were made up for a demo, these are too.
            RatingsAreIllustrative = old.RatingsAreIllustrative,
            PreviousPlanId = old.Id,
        };
    }

    /// <summary>
    /// The title with its year moved on, written the way the owner wrote it: "Service Development Plan 2024-5"
    /// becomes "… 2025-6", "2024/25" becomes "2025/26". A title that does not name its year is kept as it is.
    /// </summary>
    public static string Retitle(string title, FinancialYear from, FinancialYear to)
    {
        foreach (Match match in YearSpan().Matches(title))
        {
            if (!FinancialYear.TryParse(match.Value, out var year) || year != from)
                continue;

            var start = to.StartYear.ToString("D4", CultureInfo.InvariantCulture);
            var end = (to.StartYear + 1).ToString("D4", CultureInfo.InvariantCulture);
            // "2024-5" becomes "2025-6", but "2029-0" would read oddly: then two digits, "2029-30".
            var digits = match.Groups["end"].Value.Length;
            if (digits == 1 && end[^1] == '0')
                digits = 2;
            var replacement = start + match.Groups["sep"].Value + end[^digits..];
            return string.Concat(title.AsSpan(0, match.Index), replacement, title.AsSpan(match.Index + match.Length));
        }

        return title;
    }

    /// <summary>
    /// The comment on the progress update that gives a carried action its rating in the new plan. The old updates are
    /// not copied: they stay with the old action, and the new action's page shows them as its earlier years.
    /// </summary>
    public static string CarriedForwardComment(FinancialYear from, RolloverOutcome outcome) => outcome switch
    {
        RolloverOutcome.Retained => $"Carried forward from {from}: retained for oversight.",
        RolloverOutcome.Carried => $"Carried forward from {from}: rating as it stood at the end of that year.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Archived actions are not carried forward."),
    };

    /// <summary>"First planned 2019-20, carried twice": an action's life across yearly plans.</summary>
    public static string Lineage(FinancialYear firstPlanned, int timesCarried) => timesCarried switch
    {
        0 => $"First planned {firstPlanned}",
        1 => $"First planned {firstPlanned}, carried once",
        2 => $"First planned {firstPlanned}, carried twice",
        _ => string.Create(CultureInfo.InvariantCulture, $"First planned {firstPlanned}, carried {timesCarried} times"),
    };

    // Four digits, a hyphen, slash or dash, and the end year in full or shortened, as FinancialYear reads them.
    [GeneratedRegex(@"(?<!\d)(?<start>\d{4})(?<sep>\s*[-/\u2013\u2014]\s*)(?<end>\d{4}|\d{1,2})(?!\d)")]
    private static partial Regex YearSpan();
}
