using System.Globalization;
using System.Text.RegularExpressions;

namespace ServicePlan.Plans;

// Reads the shapes of "By when?" found in real plans. Anything else is left as NotADate
// rather than guessed at: a wrong due date would raise a false "overdue" in front of a committee.
internal static partial class DueDateReader
{
    internal readonly record struct Reading(
        DueKind Kind,
        DateOnly? Due = null,
        DateOnly? From = null,
        IReadOnlyList<DateOnly>? Milestones = null,
        string? Every = null);

    // The days a written date covers: one day for "01-Sep-24", a whole month for "Oct-19".
    private readonly record struct Span(DateOnly First, DateOnly Last, bool YearWritten);

    private static readonly string[] Recurrences = ["weekly", "fortnightly", "monthly", "quarterly", "annually"];

    private static readonly HashSet<string> NotApplicable = new(["n/a", "na", "n.a", "notapplicable"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Complete = new(["complete", "completed"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Continuous = new(["ongoing", "continuous"], StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["january"] = 1,
        ["feb"] = 2,
        ["february"] = 2,
        ["mar"] = 3,
        ["march"] = 3,
        ["apr"] = 4,
        ["april"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["june"] = 6,
        ["jul"] = 7,
        ["july"] = 7,
        ["aug"] = 8,
        ["august"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["september"] = 9,
        ["oct"] = 10,
        ["october"] = 10,
        ["nov"] = 11,
        ["november"] = 11,
        ["dec"] = 12,
        ["december"] = 12,
    };

    public static Reading Read(string text, FinancialYear planYear)
    {
        if (text.Length == 0)
        {
            return new(DueKind.None);
        }

        var words = Tidy(text);

        // Word-processor line breaks leave "on- going" and "Complet ed" in the seeds,
        // so these are compared with spaces and hyphens taken out.
        var letters = words.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

        if (NotApplicable.Contains(letters))
        {
            return new(DueKind.NotApplicable);
        }

        if (Complete.Contains(letters))
        {
            return new(DueKind.Complete);
        }

        if (Continuous.Contains(letters))
        {
            return new(DueKind.Continuous);
        }

        var every = Array.Find(Recurrences, r => r.Equals(words, StringComparison.OrdinalIgnoreCase));
        if (every is not null)
        {
            return new(DueKind.Recurring, Every: every);
        }

        if (TryReadSpan(words, planYear, out var single))
        {
            return new(DueKind.Date, Due: single.Last);
        }

        if (TryReadRange(words, planYear, out var range))
        {
            return range;
        }

        return TryReadMilestones(words, planYear, out var milestones) ? milestones : new(DueKind.NotADate);
    }

    /// <summary>
    /// The first part of <paramref name="text"/> written as a day, month and year (or a day and a month) that is no
    /// real date, like "31/02/2025", "30.02.25" or "32 March 2025", with a real date and a month to suggest instead.
    /// Text that does not look like a date at all ("Q3", "Ongoing", "June and March 2025") has none.
    /// </summary>
    public static (string Written, string RealDate, string Month)? FindImpossibleDate(string text)
    {
        var tidy = Tidy(text);
        foreach (Match match in NumericAnywhere().Matches(tidy))
        {
            var day = Number(match, "d");
            var month = Number(match, "m");
            var yearDigits = match.Groups["y"].Value;
            var year = int.Parse(yearDigits, CultureInfo.InvariantCulture);
            year = yearDigits.Length == 2 ? 2000 + year : year;
            if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var (m, lastDay) = Suggested(month, year);
            return (match.Value, $"{lastDay:00}/{m:00}/{year:0000}", $"{MonthName(m)} {year}");
        }

        foreach (Match match in DayMonthAnywhere().Matches(tidy))
        {
            if (!Months.TryGetValue(match.Groups["month"].Value, out var month))
            {
                continue;
            }

            var day = Number(match, "d");
            var hasYear = match.Groups["y"].Success;
            var year = hasYear ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : 2024;
            year = hasYear && match.Groups["y"].Value.Length == 2 ? 2000 + year : year;
            if (day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var last = DateTime.DaysInMonth(hasYear ? year : 2023, month);
            return hasYear
                ? (match.Value.Trim(), $"{last} {MonthName(month)} {year}", $"{MonthName(month)} {year}")
                : (match.Value.Trim(), $"{last} {MonthName(month)}", MonthName(month));
        }

        return null;
    }

    private static (int Month, int LastDay) Suggested(int month, int year)
    {
        var m = Math.Clamp(month, 1, 12);
        var y = Math.Clamp(year, 1, 9999);
        return (m, DateTime.DaysInMonth(y, m));
    }

    private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static string Tidy(string text)
    {
        var tidy = text.Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2019', '\'');
        return Whitespace().Replace(tidy, " ").Trim().TrimEnd('.', ',', ';', ':', '!').TrimEnd();
    }

    private static bool TryReadRange(string words, FinancialYear planYear, out Reading reading)
    {
        // "Oct-19 - Dec-19" has hyphens inside its dates too, so every separator is tried
        // until both sides read as dates.
        foreach (Match separator in RangeSeparator().Matches(words))
        {
            if (!TryReadSpan(words[..separator.Index], planYear, out var from)
                || !TryReadSpan(words[(separator.Index + separator.Length)..], planYear, out var to))
            {
                continue;
            }

            // "January-June" in a plan starting in April would end before it began; a
            // range runs forward, so an end with no year written is the following one.
            if (to.Last < from.First && !to.YearWritten)
            {
                to = new Span(to.First.AddYears(1), to.Last.AddYears(1), false);
            }

            if (to.Last >= from.First)
            {
                reading = new(DueKind.Range, Due: to.Last, From: from.First);
                return true;
            }
        }

        reading = default;
        return false;
    }

    private static bool TryReadMilestones(string words, FinancialYear planYear, out Reading reading)
    {
        reading = default;
        var parts = ListSeparator().Split(words).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return false;
        }

        var dates = new List<DateOnly>();
        foreach (var part in parts)
        {
            if (!TryReadSpan(part, planYear, out var span))
            {
                return false;
            }

            dates.Add(span.Last);
        }

        var inOrder = dates.Distinct().Order().ToList().AsReadOnly();
        reading = new(DueKind.Milestones, Due: inOrder[^1], Milestones: inOrder);
        return true;
    }

    private static bool TryReadSpan(string words, FinancialYear planYear, out Span span)
    {
        span = default;
        var text = Preamble().Replace(words.Trim(), "");

        if (Iso().Match(text) is { Success: true } iso)
        {
            return TryDay(Number(iso, "y"), Number(iso, "m"), Number(iso, "d"), out span);
        }

        if (Numeric().Match(text) is { Success: true } numeric)
        {
            return TryDay(Year(numeric.Groups["y"].Value, planYear), Number(numeric, "m"), Number(numeric, "d"), out span);
        }

        if (DayMonth().Match(text) is { Success: true } dayMonth && Months.TryGetValue(dayMonth.Groups["month"].Value, out var month))
        {
            var year = YearOrPlanYear(dayMonth.Groups["y"], month, planYear);
            return TryDay(year, month, Number(dayMonth, "d"), out span, dayMonth.Groups["y"].Success);
        }

        if (MonthYear().Match(text) is { Success: true } monthYear && Months.TryGetValue(monthYear.Groups["month"].Value, out month))
        {
            // A month on its own means its last day: "Oct-19" is due by 31 October 2019.
            var year = YearOrPlanYear(monthYear.Groups["y"], month, planYear);
            if (year is < 1 or > 9999)
            {
                return false;
            }

            span = new Span(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), monthYear.Groups["y"].Success);
            return true;
        }

        return false;
    }

    private static bool TryDay(int year, int month, int day, out Span span, bool yearWritten = true)
    {
        span = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var date = new DateOnly(year, month, day);
        span = new Span(date, date, yearWritten);
        return true;
    }

    // A month with no year is the one inside the plan's year: June in 2024-25 is June 2024,
    // March is March 2025.
    private static int YearOrPlanYear(Group year, int month, FinancialYear planYear) =>
        year.Success ? Year(year.Value, planYear) : month >= 4 ? planYear.StartYear : planYear.StartYear + 1;

    // Two-digit years are taken as the one nearest the plan's start, so "Jan-19" in the
    // 2018-19 plan is 2019 and "Oct-99" in 2024-25 is 1999. A tie goes forward: plans look ahead.
    private static int Year(string digits, FinancialYear planYear)
    {
        var year = int.Parse(digits, CultureInfo.InvariantCulture);
        if (digits.Length == 4)
        {
            return year;
        }

        var century = planYear.StartYear / 100 * 100;
        return new[] { century - 100 + year, century + year, century + 100 + year }
            .MinBy(y => (Math.Abs(y - planYear.StartYear), -y));
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:by\s+)?(?:(?:the\s+)?end\s+of\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Preamble();

    [GeneratedRegex(@"\s*(?:-|\bto\b|\buntil\b|\btill\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"\s*(?:,|&|\band\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    // Where a date written with numbers may sit inside longer text: "Review 31/02/2025 and 30/06/2025".
    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d/.-])")]
    private static partial Regex NumericAnywhere();

    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+|\s+|[/.-])(?<month>[a-z]+)\b\.?(?:(?:,?\s*|[/.-])'?(?<y>\d{4}|\d{2})(?!\d))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthAnywhere();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex Iso();

    // Day first, as written in the UK: 01/06/2024 is 1 June.
    [GeneratedRegex(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4}|\d{2})$")]
    private static partial Regex Numeric();

    // One separator between the parts, never a spaced hyphen: in "Oct-24 - Dec-24" the
    // "24 - Dec-24" left after the first hyphen must not read as 24 December.
    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+|\s+|[/.-])?(?<month>[a-z]+)\.?(?:(?:,?\s*|[/.-])'?(?<y>\d{4}|\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(?<month>[a-z]+)\.?(?:(?:,?\s*|[/.-])'?(?<y>\d{4}|\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();
}
