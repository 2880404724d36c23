using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Import;

/// <summary>The row of column headings, found by its words, and which column holds what.</summary>
internal sealed record HeaderRow(int Row, IReadOnlyDictionary<int, PlanColumn> Columns)
{
    private const int MinimumColumns = 3;

    public int? RatingColumn { get; init; }

    public int? SectionColumn => ColumnOf(PlanColumn.Section);

    public int? ColumnOf(PlanColumn kind)
    {
        foreach (var (index, column) in Columns)
        {
            if (column == kind)
                return index;
        }

        return null;
    }

    public bool Has(PlanColumn kind) => ColumnOf(kind) is not null;

    public static HeaderRow? Find(Sheet sheet)
    {
        var best = BestCandidate(sheet);
        if (best is null || best.Columns.Count < MinimumColumns || !best.Columns.Values.Any(c => c is PlanColumn.DoesWhat or PlanColumn.Why))
            return null;
        return best with { RatingColumn = best.ColumnOf(PlanColumn.Rating) ?? FindUnheadedRatingColumn(sheet, best) };
    }

    public static HeaderRow? BestCandidate(Sheet sheet) =>
        sheet.Rows.Where(r => r.Number <= PlanSheetParser.HeaderSearchRows)
            .Select(r => new HeaderRow(r.Number, Recognise(r)))
            .OrderByDescending(h => h.Columns.Count)
            .ThenBy(h => h.Row)
            .FirstOrDefault();

    /// <summary>True for a copy of the header row, as sheets repeat it at the top of every printed page.</summary>
    public bool IsRepeatedIn(SheetRow row)
    {
        var recognised = Recognise(row);
        return recognised.Count >= MinimumColumns && recognised.Count(c => Columns.TryGetValue(c.Key, out var kind) && kind == c.Value) >= MinimumColumns;
    }

    private static Dictionary<int, PlanColumn> Recognise(SheetRow row)
    {
        var columns = new Dictionary<int, PlanColumn>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            // The first column of each kind wins: a second "Comments" column is left alone rather than guessed at.
            if (PlanColumns.Recognise(row[i].Text) is { } kind && !columns.ContainsValue(kind))
                columns[i] = kind;
        }

        return columns;
    }

    /// <summary>
    /// Some sheets leave the rating column's heading blank, or the text of a printed copy shows a rating in it.
    /// A column with such a heading whose cells below are mostly ratings (as words or colours) is the rating column.
    /// </summary>
    private static int? FindUnheadedRatingColumn(Sheet sheet, HeaderRow header)
    {
        var headerRow = sheet.Rows.First(r => r.Number == header.Row);
        var below = sheet.Rows.Where(r => r.Number > header.Row && !r.IsBlank).Take(200).ToList();
        var width = below.Count == 0 ? 0 : below.Max(r => r.Cells.Count);
        for (var column = 0; column < Math.Max(width, headerRow.Cells.Count); column++)
        {
            if (header.Columns.ContainsKey(column))
                continue;
            var heading = headerRow[column].Text.Trim();
            if (heading.Length > 0 && !(Ratings.TryParse(heading, out var r, out _) && r != Rating.None))
                continue;

            var cells = below.Select(row => row[column]).Where(c => !c.IsBlank).ToList();
            var ratings = cells.Count(c => (Ratings.TryParse(c.Text, out var rating, out _) && rating != Rating.None) || (string.IsNullOrWhiteSpace(c.Text) && c.Fill is { } fill && FillRating.From(fill) is not null));
            if (ratings >= 2 && ratings * 2 >= cells.Count)
                return column;
        }

        return null;
    }
}
