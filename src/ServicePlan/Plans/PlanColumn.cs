namespace ServicePlan.Plans;

/// <summary>The columns a plan has, whatever a council calls them.</summary>
public enum PlanColumn
{
    Section,
    Ref,
    Why,
    Who,
    DoesWhat,
    ByWhen,
    Measure,
    Experience,
    Rating,
    Comments,
}

/// <summary>
/// The plan's column headings, written once: the action list page, the .xlsx and .csv exports, the committee report's
/// appendix and the importer all take their words from here, so a heading cannot read one way on screen and another
/// on paper. The importer also recognises a heading by the other words councils use for it; case, extra spaces, and
/// trailing colons or question marks do not matter.
/// </summary>
public static class PlanColumns
{
    /// <summary>The plan table's columns, in the order of the 2024-25 sheet with Ref first. Sections head groups of rows, not a column.</summary>
    public static IReadOnlyList<PlanColumn> InTable { get; } =
    [
        PlanColumn.Ref,
        PlanColumn.Why,
        PlanColumn.Who,
        PlanColumn.DoesWhat,
        PlanColumn.ByWhen,
        PlanColumn.Measure,
        PlanColumn.Experience,
        PlanColumn.Rating,
        PlanColumn.Comments,
    ];

    /// <summary>Where the column stands in <see cref="InTable"/>.</summary>
    public static int IndexInTable(this PlanColumn column) => InTable.ToList().IndexOf(column);

    /// <summary>
    /// The heading as the 2024-25 sheet writes it: exports use these, so a plan exported and opened in Excel reads
    /// like the council's own sheet.
    /// </summary>
    public static string Heading(this PlanColumn column) => column switch
    {
        PlanColumn.Rating => "RAG rated progress",
        _ => column.Name(),
    };

    /// <summary>
    /// The column's name on screen, in the committee appendix and in the importer's messages: the sheet's heading,
    /// except that "RAG rated progress" is shortened to "Rating".
    /// </summary>
    public static string Name(this PlanColumn column) => column switch
    {
        PlanColumn.Why => "Why?",
        PlanColumn.Who => "Who?",
        PlanColumn.DoesWhat => "Does what?",
        PlanColumn.ByWhen => "By when?",
        PlanColumn.Measure => "How will we know it has been done?",
        PlanColumn.Experience => "What will be the experience of children?",
        PlanColumn.Rating => "Rating",
        PlanColumn.Comments => "Comments on progress",
        _ => column.ToString(),
    };

    /// <summary>The other words councils head a column with, besides its <see cref="Heading"/> and <see cref="Name"/>.</summary>
    private static IReadOnlyList<string> OtherHeadings(PlanColumn column) => column switch
    {
        PlanColumn.Section => ["theme", "priority"],
        PlanColumn.Ref => ["ref no", "reference", "no", "number", "#"],
        PlanColumn.Why => ["specific aim", "aim", "aims", "objective", "objectives"],
        PlanColumn.Who => ["lead", "leads", "lead officer", "responsible"],
        PlanColumn.DoesWhat => ["action", "actions"],
        PlanColumn.ByWhen => ["due", "due date", "deadline", "timescale"],
        PlanColumn.Measure => ["how will we know", "measure/outcome", "measure / outcome", "measure", "measures", "outcome"],
        PlanColumn.Experience => ["experience of children", "impact", "impact on children"],
        PlanColumn.Rating => ["rag", "brag", "rag rating", "brag rating", "rag status", "status"],
        PlanColumn.Comments => ["comments", "comment", "progress", "progress update"],
        _ => [],
    };

    private static readonly Dictionary<string, PlanColumn> Synonyms = Enum.GetValues<PlanColumn>()
        .SelectMany(column => new[] { column.Heading(), column.Name() }.Select(Normalise).Concat(OtherHeadings(column)).Select(words => (words, column)))
        .DistinctBy(synonym => synonym.words)
        .ToDictionary(synonym => synonym.words, synonym => synonym.column, StringComparer.Ordinal);

    public static PlanColumn? Recognise(string heading)
    {
        var key = Normalise(heading);
        if (Synonyms.TryGetValue(key, out var column))
            return column;

        // "Why? / Specific aim" names one column two ways.
        foreach (var part in key.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Synonyms.TryGetValue(Normalise(part), out column))
                return column;
        }

        return null;
    }

    internal static string Normalise(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            .TrimEnd(':', '?', '.', ' ')
            .TrimStart('*', ' ')
            .ToLowerInvariant();
}
