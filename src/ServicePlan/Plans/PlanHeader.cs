using System.Globalization;
using ServicePlan.Database;

namespace ServicePlan.Plans;

/// <summary>
/// The block at the head of a plan, as the council's sheet has it: what the import reads, the owner edits, the exports
/// write and the API returns. One record, so a field added to the header is added everywhere at once.
/// </summary>
public sealed record PlanHeader(
    string Title,
    string? Service,
    FinancialYear Period,
    string? Owner,
    string? MonitoringBoard,
    string? RelevantStrategies,
    string ReviewFrequency,
    string? Aims,
    string? CreatedWithIdeasFrom,
    DateOnly? ImplementationDate,
    DateOnly? ReviewDate)
{
    public const string DefaultReviewFrequency = "Quarterly";

    /// <summary>Each field in the words of the plan page and the sheet, for messages, conflicts and the audit trail.</summary>
    public static class Names
    {
        public const string Title = "Title";
        public const string Service = "Service";
        public const string Period = "Financial year";
        public const string Owner = "Owner";
        public const string MonitoringBoard = "Monitored by";
        public const string RelevantStrategies = "Relevant strategies";
        public const string ReviewFrequency = "Review frequency";
        public const string Aims = "Aims";
        public const string CreatedWithIdeasFrom = "Created with ideas from";
        public const string ImplementationDate = "Implementation date";
        public const string ReviewDate = "Date of this review";
    }

    /// <summary>The plan's property each field is stored in, with its name in users' words: the audit trail names plan fields by these.</summary>
    public static IReadOnlyDictionary<string, string> PropertyNames { get; } = new Dictionary<string, string>
    {
        [nameof(Plan.Title)] = Names.Title,
        [nameof(Plan.Service)] = Names.Service,
        [nameof(Plan.Period)] = Names.Period,
        [nameof(Plan.Owner)] = Names.Owner,
        [nameof(Plan.MonitoringBoard)] = Names.MonitoringBoard,
        [nameof(Plan.RelevantStrategies)] = Names.RelevantStrategies,
        [nameof(Plan.ReviewFrequency)] = Names.ReviewFrequency,
        [nameof(Plan.Aims)] = Names.Aims,
        [nameof(Plan.CreatedWithIdeasFrom)] = Names.CreatedWithIdeasFrom,
        [nameof(Plan.ImplementationDate)] = Names.ImplementationDate,
        [nameof(Plan.ReviewDate)] = Names.ReviewDate,
    };

    public static PlanHeader Of(Plan plan) => new(
        plan.Title, plan.Service, plan.Period, plan.Owner, plan.MonitoringBoard, plan.RelevantStrategies, plan.ReviewFrequency,
        plan.Aims, plan.CreatedWithIdeasFrom, plan.ImplementationDate, plan.ReviewDate);

    /// <summary>The header tidied as it is stored: texts trimmed, empty optional texts as none, an empty frequency as quarterly.</summary>
    public PlanHeader Tidied() => this with
    {
        Title = Title.Trim(),
        Service = Optional(Service),
        Owner = Optional(Owner),
        MonitoringBoard = Optional(MonitoringBoard),
        RelevantStrategies = Optional(RelevantStrategies),
        ReviewFrequency = Optional(ReviewFrequency) ?? DefaultReviewFrequency,
        Aims = Optional(Aims),
        CreatedWithIdeasFrom = Optional(CreatedWithIdeasFrom),
    };

    public void ApplyTo(Plan plan)
    {
        var tidy = Tidied();
        plan.Title = tidy.Title;
        plan.Service = tidy.Service;
        plan.Period = tidy.Period;
        plan.Owner = tidy.Owner;
        plan.MonitoringBoard = tidy.MonitoringBoard;
        plan.RelevantStrategies = tidy.RelevantStrategies;
        plan.ReviewFrequency = tidy.ReviewFrequency;
        plan.Aims = tidy.Aims;
        plan.CreatedWithIdeasFrom = tidy.CreatedWithIdeasFrom;
        plan.ImplementationDate = tidy.ImplementationDate;
        plan.ReviewDate = tidy.ReviewDate;
    }

    /// <summary>The fields, in users' words, whose values differ between the two headers (after tidying).</summary>
    public IReadOnlyList<string> ChangedFrom(PlanHeader other)
    {
        var (a, b) = (Tidied(), other.Tidied());
        var changed = new List<string>();
        void Compare<T>(string name, T x, T y)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y))
                changed.Add(name);
        }

        Compare(Names.Title, a.Title, b.Title);
        Compare(Names.Service, a.Service, b.Service);
        Compare(Names.Period, a.Period, b.Period);
        Compare(Names.Owner, a.Owner, b.Owner);
        Compare(Names.MonitoringBoard, a.MonitoringBoard, b.MonitoringBoard);
        Compare(Names.RelevantStrategies, a.RelevantStrategies, b.RelevantStrategies);
        Compare(Names.ReviewFrequency, a.ReviewFrequency, b.ReviewFrequency);
        Compare(Names.Aims, a.Aims, b.Aims);
        Compare(Names.CreatedWithIdeasFrom, a.CreatedWithIdeasFrom, b.CreatedWithIdeasFrom);
        Compare(Names.ImplementationDate, a.ImplementationDate, b.ImplementationDate);
        Compare(Names.ReviewDate, a.ReviewDate, b.ReviewDate);
        return changed;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A field of the header that cannot be saved, and why, in the words a form shows.</summary>
public sealed record PlanHeaderProblem(PlanHeaderField Field, string Message);

public enum PlanHeaderField
{
    Title,
    Service,
    Period,
    Owner,
    MonitoringBoard,
    RelevantStrategies,
    ReviewFrequency,
    Aims,
    CreatedWithIdeasFrom,
    ImplementationDate,
    ReviewDate,
}

/// <summary>The header as typed into a form or sent to the API: texts, the year as "2024-25", dates as day, month and year.</summary>
public sealed record PlanHeaderEntry(
    string? Title,
    string? Service,
    string? Period,
    string? Owner,
    string? MonitoringBoard,
    string? RelevantStrategies,
    string? ReviewFrequency,
    string? Aims,
    string? CreatedWithIdeasFrom,
    DateEntry ImplementationDate,
    DateEntry ReviewDate);

/// <summary>A date typed as its three parts (a GOV.UK date input); all three empty means no date.</summary>
public sealed record DateEntry(string? Day, string? Month, string? Year)
{
    public static DateEntry Empty { get; } = new(null, null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateEntry Of(DateOnly? date) => date is { } d
        ? new(d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
        : Empty;

    /// <summary>The date the parts make, or null with the reason when they make none (31 February, month 13, a two-digit year).</summary>
    public DateOnly? Read(string name, out string? problem)
    {
        problem = null;
        if (IsEmpty)
            return null;
        if (string.IsNullOrWhiteSpace(Day) || string.IsNullOrWhiteSpace(Month) || string.IsNullOrWhiteSpace(Year))
        {
            var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1);
            problem = $"{name} must include a {string.Join(" and a ", missing)}";
            return null;
        }

        if (!int.TryParse(Day.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(Month.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            problem = $"{name} must be a real date, like 15 1 2025";
            return null;
        }

        if (Year.Trim().Length != 4)
        {
            problem = $"The year of {FirstLower(name)} must include 4 numbers";
            return null;
        }

        if (y is < 2000 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            problem = $"{name} must be a real date, like 15 1 2025";
            return null;
        }

        return new DateOnly(y, m, d);
    }

    private static string FirstLower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}

/// <summary>The rules for a header typed into the form or sent to the API.</summary>
public static class PlanHeaderRules
{
    /// <summary>The header the entry makes, or the problems with it (and no header).</summary>
    public static PlanHeader? Read(PlanHeaderEntry entry, out IReadOnlyList<PlanHeaderProblem> problems)
    {
        var found = new List<PlanHeaderProblem>();
        void Length(PlanHeaderField field, string name, string? value, int? max)
        {
            if (max is { } limit && value?.Trim().Length > limit)
                found.Add(new(field, $"{name} must be {limit:N0} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(entry.Title))
            found.Add(new(PlanHeaderField.Title, "Enter the plan's title"));
        Length(PlanHeaderField.Title, PlanHeader.Names.Title, entry.Title, FieldLengths.PlanTitle);
        Length(PlanHeaderField.Service, PlanHeader.Names.Service, entry.Service, FieldLengths.PlanService);
        Length(PlanHeaderField.Owner, PlanHeader.Names.Owner, entry.Owner, FieldLengths.PlanOwner);
        Length(PlanHeaderField.MonitoringBoard, PlanHeader.Names.MonitoringBoard, entry.MonitoringBoard, FieldLengths.PlanMonitoringBoard);
        Length(PlanHeaderField.ReviewFrequency, PlanHeader.Names.ReviewFrequency, entry.ReviewFrequency, FieldLengths.PlanReviewFrequency);
        Length(PlanHeaderField.RelevantStrategies, PlanHeader.Names.RelevantStrategies, entry.RelevantStrategies, FieldLengths.PlanHeaderText);
        Length(PlanHeaderField.Aims, PlanHeader.Names.Aims, entry.Aims, FieldLengths.PlanHeaderText);
        Length(PlanHeaderField.CreatedWithIdeasFrom, PlanHeader.Names.CreatedWithIdeasFrom, entry.CreatedWithIdeasFrom, FieldLengths.PlanHeaderText);

        FinancialYear period = default;
        if (string.IsNullOrWhiteSpace(entry.Period))
            found.Add(new(PlanHeaderField.Period, "Enter the financial year, like 2024-25"));
        else if (!FinancialYear.TryParse(entry.Period, out period) || period.StartYear is < 2000 or > 2100)
            found.Add(new(PlanHeaderField.Period, "Enter the financial year as the two years it spans, like 2024-25"));

        var implemented = entry.ImplementationDate.Read(PlanHeader.Names.ImplementationDate, out var implementedProblem);
        if (implementedProblem is not null)
            found.Add(new(PlanHeaderField.ImplementationDate, implementedProblem));
        var reviewed = entry.ReviewDate.Read(PlanHeader.Names.ReviewDate, out var reviewProblem);
        if (reviewProblem is not null)
            found.Add(new(PlanHeaderField.ReviewDate, reviewProblem));

        problems = found;
        if (found.Count > 0)
            return null;
        return new PlanHeader(
            entry.Title!, entry.Service, period, entry.Owner, entry.MonitoringBoard, entry.RelevantStrategies,
            entry.ReviewFrequency ?? "", entry.Aims, entry.CreatedWithIdeasFrom, implemented, reviewed).Tidied();
    }
}
