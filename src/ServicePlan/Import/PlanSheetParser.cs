using System.Globalization;
using ServicePlan.People;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Sources;

namespace ServicePlan.Import;

/// <summary>
/// Turns a council's plan sheet into a plan. Real sheets differ in column order and wording, put a title block above the
/// table, repeat the header row on every printed page, mark sections with heading rows or a Section column, continue an
/// objective on rows with an empty "Why?", and give ratings as text or only as the cell's colour. All of that is read here;
/// anything doubtful becomes a warning, anything that would store a wrong plan becomes an error.
/// </summary>
public static class PlanSheetParser
{
    public const int HeaderSearchRows = 30;

    public static ParsedPlan Parse(Workbook workbook, ImportOptions options)
    {
        var result = new ParsedPlan();
        var located = ChooseSheet(workbook, options, result);
        if (located is null)
            return result;

        var (sheet, header) = located.Value;
        result.SheetName = sheet.Name;
        var headerIndex = sheet.Rows.ToList().FindIndex(r => r.Number == header.Row);
        var blockRows = sheet.Rows.Take(headerIndex).Where(r => !r.IsBlank).ToList();

        PlanHeaderBlock.Read(blockRows, result);
        ResolveTitleAndPeriod(result, options, blockRows);
        ReadTable(sheet.Rows.Skip(headerIndex + 1), header, blockRows, result);

        // With no list of people in the sheet, each lead named in "Who?" becomes one; either way each person once.
        var people = result.People.Count == 0
            ? PersonNames.FromLeads(result.Actions.Select(a => a.Who))
            : PersonNames.Distinct(result.People.Select(p => new NamedPerson(p.Name, p.Initials, p.Role)));
        result.People.Clear();
        result.People.AddRange(people.Select(p => new ParsedPerson(p.Name, p.Initials, p.Role)));
        if (!result.Actions.Any() && !result.HasErrors)
            result.Errors.Add(new ImportIssue(header.Row, "", $"The sheet \"{sheet.Name}\" has the plan's headings in row {header.Row} but no actions under them."));
        return result;
    }

    private static (Sheet Sheet, HeaderRow Header)? ChooseSheet(Workbook workbook, ImportOptions options, ParsedPlan result)
    {
        foreach (var hidden in workbook.Sheets.Where(s => s.Hidden))
            result.Warnings.Add(new ImportIssue(0, "", $"The sheet \"{hidden.Name}\" is hidden and was not read."));

        if (options.SheetName is { } wanted)
        {
            var named = workbook.Sheets.FirstOrDefault(s => s.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            if (named is null)
            {
                result.Errors.Add(new ImportIssue(0, "", $"There is no sheet called \"{wanted}\". The sheets are: {string.Join(", ", workbook.Sheets.Select(s => $"\"{s.Name}\""))}."));
                return null;
            }

            return HeaderRow.Find(named) is { } found ? (named, found) : NoHeader(named, result);
        }

        var visible = workbook.Sheets.Where(s => !s.Hidden).ToList();
        if (visible.Count == 0)
        {
            result.Errors.Add(new ImportIssue(0, "", "The workbook has no visible sheet to read."));
            return null;
        }

        foreach (var sheet in visible)
        {
            if (HeaderRow.Find(sheet) is { } found)
            {
                if (visible.Count > 1)
                    result.Warnings.Add(new ImportIssue(0, "", $"The workbook has {visible.Count} sheets; the plan was read from \"{sheet.Name}\", the one with the plan's headings. Use --sheet to choose another."));
                return (sheet, found);
            }
        }

        return NoHeader(visible[0], result);
    }

    private static (Sheet, HeaderRow)? NoHeader(Sheet sheet, ParsedPlan result)
    {
        var best = HeaderRow.BestCandidate(sheet);
        var found = best is null || best.Columns.Count == 0
            ? "no recognisable column headings at all"
            : $"the closest was row {best.Row}, with {string.Join(", ", best.Columns.Values.Select(c => c.Name()))}";
        result.Errors.Add(new ImportIssue(0, "",
            $"No header row found in the first {HeaderSearchRows} rows of \"{sheet.Name}\": ServicePlan needs headings such as Why?, Who?, Does what?, By when? and RAG; {found}."));
        return null;
    }

    private static void ResolveTitleAndPeriod(ParsedPlan result, ImportOptions options, IReadOnlyList<SheetRow> blockRows)
    {
        var header = result.Header;
        if (!string.IsNullOrWhiteSpace(options.Title))
            header.Title = options.Title.Trim();
        if (string.IsNullOrWhiteSpace(header.Title))
            header.Title = options.FallbackTitle;

        var period = options.Period
            ?? PlanHeaderBlock.PeriodFrom(PlanHeaderBlock.PeriodText(blockRows))
            ?? PlanHeaderBlock.PeriodFrom(header.Title)
            ?? (header.ImplementationDate is { } start ? FinancialYear.Containing(start) : null);
        if (period is null)
        {
            period = options.FallbackPeriod;
            result.Warnings.Add(new ImportIssue(0, "", $"The sheet does not say which year the plan is for, so it was taken as {period}. Use --period to say otherwise."));
        }

        header.Period = period.Value;
    }

    private static void ReadTable(IEnumerable<SheetRow> rows, HeaderRow header, IReadOnlyList<SheetRow> blockRows, ParsedPlan result)
    {
        var blockTexts = blockRows.Select(r => string.Join(' ', r.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var firstColumn = header.Columns.Keys.Min();
        var hasRefColumn = header.Has(PlanColumn.Ref);
        ParsedSection? section = null;
        ParsedObjective? objective = null;
        var emptySections = new List<ParsedSection>();
        var number = 0;

        foreach (var row in rows)
        {
            if (row.IsBlank || header.IsRepeatedIn(row))
                continue;

            var filled = Enumerable.Range(0, row.Cells.Count).Where(i => !string.IsNullOrWhiteSpace(row[i].Text)).ToList();
            // Heading rows are often shaded across the row: only a rating-coloured fill that the row's other cells do not
            // share makes the row an action.
            var ratingFill = header.RatingColumn is { } rc && row[rc].Fill is { } fill && FillRating.From(fill) is not null
                && !row.Cells.Where((c, i) => i != rc && c.Fill == fill).Any()
                ? fill
                : (RgbColour?)null;

            // A title block repeated above the table on every printed page is not plan content.
            if (filled.Count == 1 && ratingFill is null && blockTexts.Contains(row[filled[0]].Text.Trim()))
                continue;

            // Text in the first cell only: a section heading.
            if (filled.Count == 1 && ratingFill is null && (filled[0] <= firstColumn || filled[0] == header.SectionColumn))
            {
                section = new ParsedSection(row.Number, Tidy(row[filled[0]].Text));
                result.Sections.Add(section);
                emptySections.Add(section);
                objective = null;
                continue;
            }

            if (filled.Count == 0 && ratingFill is null)
                continue;

            if (header.SectionColumn is { } sc && Tidy(row[sc].Text) is { Length: > 0 } sectionTitle && sectionTitle != section?.Title)
            {
                // A Section column names each row's section; the same name further down (a repeated page) is the same section.
                section = result.Sections.FirstOrDefault(s => s.Title == sectionTitle);
                if (section is null)
                {
                    section = new ParsedSection(row.Number, sectionTitle);
                    result.Sections.Add(section);
                }

                objective = null;
            }

            if (section is null)
            {
                section = new ParsedSection(row.Number, "Plan");
                result.Sections.Add(section);
            }

            emptySections.Remove(section);

            // An aim merged down its actions' rows is one objective: the copies below the first row continue it.
            var why = header.ColumnOf(PlanColumn.Why) is { } whyColumn && row[whyColumn].FromMerge ? "" : Text(row, header, PlanColumn.Why);
            if (objective is null || why.Length > 0)
            {
                objective = new ParsedObjective(row.Number, why, SourceText.SourcesAtEndOf(why));
                section.Objectives.Add(objective);
                if (why.Length == 0)
                    result.Warnings.Add(new ImportIssue(row.Number, PlanColumn.Why.Name(), "No aim (Why?): the action was imported under an objective with no aim."));
            }

            number++;
            var action = new ParsedAction(
                row.Number,
                hasRefColumn ? Text(row, header, PlanColumn.Ref) : number.ToString(CultureInfo.InvariantCulture),
                Text(row, header, PlanColumn.Who),
                Text(row, header, PlanColumn.DoesWhat),
                DueText(row, header),
                Text(row, header, PlanColumn.Measure),
                Text(row, header, PlanColumn.Experience),
                ReadRating(row, header, result),
                Text(row, header, PlanColumn.Comments));
            objective.Actions.Add(action);

            if (action.DoesWhat.Length == 0)
                result.Warnings.Add(new ImportIssue(row.Number, PlanColumn.DoesWhat.Name(), "No action text (Does what?)."));

            // The import keeps what the council wrote, but says so: an impossible date is never read as due.
            if (DueDate.ProblemWhenTyped(action.ByWhen) is { } notADate)
                result.Warnings.Add(new ImportIssue(row.Number, PlanColumn.ByWhen.Name(), $"{notADate}. It was imported as written and will not show as overdue."));
            if (action.Rating == Rating.None && header.RatingColumn is not null)
                result.Warnings.Add(new ImportIssue(row.Number, PlanColumn.Rating.Name(), "No rating: the action was imported as not rated."));
        }

        foreach (var empty in emptySections)
        {
            result.Sections.Remove(empty);
            result.Warnings.Add(new ImportIssue(empty.Row, "", $"The section heading \"{empty.Title}\" has no actions under it and was not imported."));
        }
    }

    private static Rating ReadRating(SheetRow row, HeaderRow header, ParsedPlan result)
    {
        if (header.RatingColumn is not { } column)
            return Rating.None;

        var cell = row[column];
        if (!string.IsNullOrWhiteSpace(cell.Text))
        {
            if (Ratings.TryParse(cell.Text, out var rating, out var error))
                return rating;
            result.Errors.Add(new ImportIssue(row.Number, PlanColumn.Rating.Name(), error));
            return Rating.None;
        }

        if (cell.Fill is { } fill)
        {
            if (FillRating.From(fill) is { } fromColour)
                return fromColour;
            result.Warnings.Add(new ImportIssue(row.Number, PlanColumn.Rating.Name(), $"The cell's colour {fill} is not blue, red, amber or green: the action was imported as not rated."));
        }

        return Rating.None;
    }

    private static string DueText(SheetRow row, HeaderRow header)
    {
        if (header.ColumnOf(PlanColumn.ByWhen) is not { } column)
            return "";
        var cell = row[column];

        // A date typed into a cell formatted as General arrives as Excel's day number.
        if (!cell.IsDate && cell.Number is { } serial && serial is >= 36526 and < 73051 && serial == Math.Floor(serial) && cell.Text.All(char.IsDigit))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Tidy(cell.Text);
    }

    private static string Text(SheetRow row, HeaderRow header, PlanColumn column) =>
        header.ColumnOf(column) is { } index ? Tidy(row[index].Text) : "";

    /// <summary>Trims each line and collapses runs of spaces, keeping the line breaks people typed.</summary>
    public static string Tidy(string text)
    {
        if (text.Length == 0)
            return text;

        // A CSV export guards cells that a spreadsheet would run as formulas with a leading apostrophe; take it off again.
        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = text[1..];
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(line => string.Join(' ', line.Split((char[])[' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines).Trim('\n', ' ');
    }
}
