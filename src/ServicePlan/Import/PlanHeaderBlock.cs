using System.Globalization;
using System.Text.RegularExpressions;
using ServicePlan.Plans;

namespace ServicePlan.Import;

/// <summary>
/// Reads the block above a plan's table into the plan's header. Councils write it as label and value in cells
/// ("Owner:" | "Rachel Green"), as several labels run together in one merged cell ("Author: … Date of Plan: April 2024 …"),
/// or as bare lines: the title, then the service, then a paragraph of aims.
/// </summary>
internal static partial class PlanHeaderBlock
{
    private enum Field
    {
        Title,
        Service,
        Period,
        Owner,
        Board,
        Strategies,
        Frequency,
        Aims,
        Ideas,
        People,
        ImplementationDate,
        ReviewDate,
    }

    // Longest first, so "date of this review" wins over "review".
    private static readonly (string Label, Field Field)[] Labels =
    [
        ("the plan is created with ideas from", Field.Ideas),
        ("board responsible for monitoring action plan", Field.Board),
        ("board responsible for monitoring", Field.Board),
        ("people involved in delivering the plan", Field.People),
        ("frequency of monitoring/reporting", Field.Frequency),
        ("created with ideas from", Field.Ideas),
        ("relevant strategies", Field.Strategies),
        ("implementation date", Field.ImplementationDate),
        ("date of this review", Field.ReviewDate),
        ("monitoring board", Field.Board),
        ("review frequency", Field.Frequency),
        ("people involved", Field.People),
        ("date of review", Field.Frequency),
        ("date of plan", Field.ImplementationDate),
        ("monitored by", Field.Board),
        ("review date", Field.ReviewDate),
        ("plan owner", Field.Owner),
        ("frequency", Field.Frequency),
        ("duration", Field.Period),
        ("service", Field.Service),
        ("period", Field.Period),
        ("author", Field.Owner),
        ("owner", Field.Owner),
        ("people", Field.People),
        ("sources", Field.Ideas),
        ("aims", Field.Aims),
        ("name", Field.Title),
        ("title", Field.Title),
    ];

    public static void Read(IReadOnlyList<SheetRow> rows, ParsedPlan result)
    {
        var header = result.Header;
        var untitled = new List<string>();
        foreach (var row in rows)
        {
            var cells = row.Cells.Select(c => PlanSheetParser.Tidy(c.Text)).Where(t => t.Length > 0).ToList();
            if (cells.Count == 0)
                continue;

            if (LabelOf(cells[0]) is { } field && (cells.Count > 1 || cells[0].TrimEnd().EndsWith(':')))
            {
                if (field == Field.People)
                    result.People.AddRange(People(cells.Skip(1).ToList()));
                else
                    Assign(header, field, string.Join(' ', cells.Skip(1)));
                continue;
            }

            var inline = InlineLabels(string.Join(' ', cells));
            if (inline.Count > 0)
            {
                foreach (var (f, value) in inline)
                    Assign(header, f, value);
                continue;
            }

            untitled.AddRange(cells);
        }

        // Bare lines: the first is the title, a short line straight after a bare title the service, anything else the aims.
        var titleFromBareLine = string.IsNullOrEmpty(header.Title);
        for (var i = 0; i < untitled.Count; i++)
        {
            var line = untitled[i];
            if (string.IsNullOrEmpty(header.Title))
                header.Title = AppendixPrefix().Replace(line, "").Trim();
            else if (titleFromBareLine && i == 1 && header.Service is null && line.Length <= 120)
                header.Service = line;
            else
                header.Aims = header.Aims is null ? line : header.Aims + "\n" + line;
        }
    }

    /// <summary>The text that names the plan's year, when the block has a Duration or Period line.</summary>
    public static string? PeriodText(IReadOnlyList<SheetRow> rows)
    {
        foreach (var row in rows)
        {
            var cells = row.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0).ToList();
            if (cells.Count > 1 && LabelOf(cells[0]) == Field.Period)
                return string.Join(' ', cells.Skip(1));
        }

        return null;
    }

    /// <summary>A financial year from "2019-20", "2024-5", "April 2019-March 2020" or "April 2024".</summary>
    public static FinancialYear? PeriodFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (YearPair().Match(text) is { Success: true } pair && FinancialYear.TryParse(pair.Value, out var year))
            return year;
        if (MonthYear().Match(text) is { Success: true } monthYear)
        {
            var startYear = int.Parse(monthYear.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = DateTime.ParseExact(monthYear.Groups["month"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
            return FinancialYear.Containing(new DateOnly(startYear, month, 1));
        }

        return null;
    }

    private static Field? LabelOf(string cell)
    {
        var key = PlanColumns.Normalise(cell);
        foreach (var (label, field) in Labels)
        {
            if (key == label || (label.Length > 20 && key.StartsWith(label, StringComparison.Ordinal)))
                return field;
        }

        return null;
    }

    private static List<(Field Field, string Value)> InlineLabels(string text)
    {
        var found = new List<(Field, string)>();
        var matches = InlineLabel().Matches(text);
        if (matches.Count == 0 || matches[0].Index != 0)
            return found;

        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var field = LabelOf(matches[i].Groups["label"].Value);
            if (field is not null)
                found.Add((field.Value, text[start..end].Trim()));
        }

        return found;
    }

    private static void Assign(ParsedHeader header, Field field, string value)
    {
        if (value.Length == 0)
            return;
        switch (field)
        {
            case Field.Title: header.Title = value; break;
            case Field.Service: header.Service = value; break;
            case Field.Owner: header.Owner = value; break;
            case Field.Board: header.MonitoringBoard = value; break;
            case Field.Strategies: header.RelevantStrategies = value; break;
            case Field.Frequency: header.ReviewFrequency = Capitalise(value); break;
            case Field.Aims: header.Aims = value; break;
            case Field.Ideas: header.CreatedWithIdeasFrom = value; break;
            case Field.ImplementationDate: header.ImplementationDate = MonthStart(value); break;
            case Field.ReviewDate: header.ReviewDate = MonthStart(value); break;
            case Field.Period: break; // read by PeriodText, after the title is known
        }
    }

    /// <summary>"Sep-19", "April 2024", "01/09/2019": the first day of that month (or the day, when one is given).</summary>
    private static DateOnly? MonthStart(string text)
    {
        var due = DueDate.Interpret(text, FinancialYear.Containing(new DateOnly(2000, 1, 1)));
        if (due.Kind != DueKind.Date || due.Due is not { } date)
            return null;
        var hasDay = DayNumber().IsMatch(text);
        return hasDay ? date : new DateOnly(date.Year, date.Month, 1);
    }

    private static string Capitalise(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];

    /// <summary>"Rachel Green\nHeather Smith" | "RG\nHS" | "Service Manager\nTeam Manager": parallel lines make people.</summary>
    private static IEnumerable<ParsedPerson> People(IReadOnlyList<string> cells)
    {
        if (cells.Count == 0)
            yield break;
        var names = Lines(cells[0]);
        var initials = cells.Count > 1 ? Lines(cells[1]) : [];
        var roles = cells.Count > 2 ? Lines(cells[2]) : [];

        // Names run together on one line ("Rachel Green Heather Smith"): pair the words up by the initials given.
        if (names.Count == 1 && initials.Count == 1 && initials[0].Contains(' ', StringComparison.Ordinal))
        {
            var codes = initials[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var words = names[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == codes.Length * 2)
            {
                names = Enumerable.Range(0, codes.Length).Select(i => words[2 * i] + " " + words[2 * i + 1]).ToList();
                initials = codes.ToList();
            }
        }

        for (var i = 0; i < names.Count; i++)
        {
            var code = i < initials.Count ? initials[i] : Initials(names[i]);
            var role = roles.Count == names.Count ? roles[i] : null;
            yield return new ParsedPerson(names[i], code, role);
        }
    }

    private static List<string> Lines(string cell) =>
        cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));

    [GeneratedRegex(@"^\s*appendix\s*\w{1,3}\s*[:\-–]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppendixPrefix();

    [GeneratedRegex(@"(19|20)\d\d\s*[-–/]\s*\d{1,4}", RegexOptions.CultureInvariant)]
    private static partial Regex YearPair();

    [GeneratedRegex(@"(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?<year>(19|20)\d\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b\d{1,2}[/\-\s]", RegexOptions.CultureInvariant)]
    private static partial Regex DayNumber();

    [GeneratedRegex(@"\b(?<label>name|title|service|duration|period|author|plan owner|owner|monitoring board|monitored by|relevant strategies|review frequency|frequency|date of this review|date of review|date of plan|implementation date|review date|aims|created with ideas from|sources|people involved|people)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineLabel();
}
