using System.Globalization;
using System.Text.RegularExpressions;

namespace ServicePlan.Plans;

// A UK council's financial year runs 1 April to 31 March; each plan covers one.
public readonly partial record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    // Kept one short of DateOnly's last year so that End can always be built.
    public int StartYear { get; } = StartYear is >= 1 and <= 9998
        ? StartYear
        : throw new ArgumentOutOfRangeException(nameof(StartYear), StartYear, "A financial year must start between year 1 and 9998.");

    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public FinancialYear Next() => new(StartYear + 1);

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year)
            ? year
            : throw new FormatException($"\"{text?.Trim()}\" is not a financial year. Write it as the two years it spans, like 2024-25.");

    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var match = text is null ? Match.Empty : YearSpan().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = match.Groups["end"].Value;

        // The second year may be written in full or shortened to its last digits;
        // the 2024-25 plan's own title says "2024-5". Either way it must be the next year.
        var next = (start + 1).ToString("D4", CultureInfo.InvariantCulture);
        if (start < 1 || start > 9998 || !next.EndsWith(end, StringComparison.Ordinal))
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:D2}");

    // Hyphen, slash, en dash (Word's autocorrect) or em dash, with or without spaces.
    [GeneratedRegex(@"^\s*(?<start>\d{4})\s*[-/\u2013\u2014]\s*(?<end>\d{1,2}|\d{4})\s*$")]
    private static partial Regex YearSpan();
}
