using System.Globalization;

namespace ServicePlan.Plans;

// The "By when?" cell. Plans are written by people, not forms, so the text is kept exactly
// as written and what we could read from it sits beside it: the owner always sees their words.
public sealed record DueDate
{
    private DueDate(string text, DueKind kind, DateOnly? due, DateOnly? from,
        IReadOnlyList<DateOnly>? milestones, string? every)
    {
        Text = text;
        Kind = kind;
        Due = due;
        From = from;
        Milestones = milestones ?? (due is { } only && kind == DueKind.Date ? [only] : []);
        Meaning = Describe(kind, due, from, Milestones, every);
    }

    public string Text { get; }

    public DueKind Kind { get; }

    public DateOnly? Due { get; }

    public DateOnly? From { get; }

    public IReadOnlyList<DateOnly> Milestones { get; }

    public bool NeverOverdue => Kind is DueKind.Recurring or DueKind.Continuous;

    public bool ImpliesDone => Kind == DueKind.Complete;

    public string Meaning { get; }

    public bool IsOverdue(DateOnly today, bool isBlue) => IsOverdue(Kind, Due, today, isBlue);

    /// <summary>
    /// The overdue rule on stored values (kind and due date), so lists need not re-read the text:
    /// past its due date, not Blue, and not recurring or ongoing.
    /// </summary>
    public static bool IsOverdue(DueKind kind, DateOnly? due, DateOnly today, bool isBlue) =>
        !isBlue && kind is not (DueKind.Recurring or DueKind.Continuous) && due is { } date && date < today;

    /// <summary>How far ahead "due soon" looks: about a month, the time a lead has between two review reminders and the next deadline.</summary>
    public const int DueSoonDays = 30;

    /// <summary>
    /// Due today or within <see cref="DueSoonDays"/> days, on stored values: not Blue, not recurring or ongoing,
    /// and not already overdue (that is its own group).
    /// </summary>
    public static bool IsDueSoon(DueKind kind, DateOnly? due, DateOnly today, bool isBlue) =>
        !isBlue && kind is not (DueKind.Recurring or DueKind.Continuous) && due is { } date
        && date >= today && date <= today.AddDays(DueSoonDays);

    public static DueDate Interpret(string? text, FinancialYear planYear)
    {
        var verbatim = text?.Trim() ?? "";
        var reading = DueDateReader.Read(verbatim, planYear);
        return new DueDate(verbatim, reading.Kind, reading.Due, reading.From, reading.Milestones, reading.Every);
    }

    /// <summary>
    /// Why a "By when?" typed into a form is refused, or null when it is fine. The cell stays free text ("Q3",
    /// "Ongoing", "June and March 2025" are all kept), but something written as a day, month and year that is no real
    /// date would be read as no date at all and never show as overdue, so it is sent back with a suggestion.
    /// Imports do not use this: they keep what councils wrote.
    /// </summary>
    public static string? ProblemWhenTyped(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || DueDateReader.FindImpossibleDate(text) is not { } found)
        {
            return null;
        }

        return $"'{found.Written}' is not a real date. Write a real date such as {found.RealDate}, or a month such as '{found.Month}'";
    }

    // Milestones is a list, which a record would compare by reference; two readings of
    // the same cell must still be equal.
    public bool Equals(DueDate? other) =>
        other is not null
        && Text == other.Text
        && Kind == other.Kind
        && Due == other.Due
        && From == other.From
        && Meaning == other.Meaning
        && Milestones.SequenceEqual(other.Milestones);

    public override int GetHashCode() => HashCode.Combine(Text, Kind, Due, From, Meaning);

    private static string Describe(DueKind kind, DateOnly? due, DateOnly? from, IReadOnlyList<DateOnly> milestones, string? every) =>
        kind switch
        {
            DueKind.Date => $"by {Long(due!.Value)}",
            DueKind.Range => $"by {Long(due!.Value)} (from {Long(from!.Value)})",
            DueKind.Milestones => $"milestones {Join(milestones)}",
            DueKind.Recurring => $"recurring ({every})",
            DueKind.Continuous => "ongoing",
            DueKind.Complete => "complete",
            DueKind.NotApplicable => "not applicable",
            DueKind.None => "no due date",
            _ => "not a date",
        };

    private static string Join(IReadOnlyList<DateOnly> dates) =>
        string.Join(", ", dates.Take(dates.Count - 1).Select(Long)) + " and " + Long(dates[^1]);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
