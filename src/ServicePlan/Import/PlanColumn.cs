namespace ServicePlan.Import;

/// <summary>The columns a plan sheet can have, whatever a council calls them.</summary>
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

/// <summary>Recognises a column heading by the words councils use for it. Case, extra spaces, and trailing colons or question marks do not matter.</summary>
public static class PlanColumns
{
    private static readonly Dictionary<string, PlanColumn> Synonyms = new(StringComparer.Ordinal)
    {
        ["section"] = PlanColumn.Section,
        ["theme"] = PlanColumn.Section,
        ["priority"] = PlanColumn.Section,
        ["ref"] = PlanColumn.Ref,
        ["ref no"] = PlanColumn.Ref,
        ["reference"] = PlanColumn.Ref,
        ["no"] = PlanColumn.Ref,
        ["number"] = PlanColumn.Ref,
        ["#"] = PlanColumn.Ref,
        ["why"] = PlanColumn.Why,
        ["specific aim"] = PlanColumn.Why,
        ["aim"] = PlanColumn.Why,
        ["aims"] = PlanColumn.Why,
        ["objective"] = PlanColumn.Why,
        ["objectives"] = PlanColumn.Why,
        ["who"] = PlanColumn.Who,
        ["lead"] = PlanColumn.Who,
        ["leads"] = PlanColumn.Who,
        ["lead officer"] = PlanColumn.Who,
        ["responsible"] = PlanColumn.Who,
        ["does what"] = PlanColumn.DoesWhat,
        ["action"] = PlanColumn.DoesWhat,
        ["actions"] = PlanColumn.DoesWhat,
        ["by when"] = PlanColumn.ByWhen,
        ["due"] = PlanColumn.ByWhen,
        ["due date"] = PlanColumn.ByWhen,
        ["deadline"] = PlanColumn.ByWhen,
        ["timescale"] = PlanColumn.ByWhen,
        ["how will we know it has been done"] = PlanColumn.Measure,
        ["how will we know"] = PlanColumn.Measure,
        ["measure/outcome"] = PlanColumn.Measure,
        ["measure / outcome"] = PlanColumn.Measure,
        ["measure"] = PlanColumn.Measure,
        ["measures"] = PlanColumn.Measure,
        ["outcome"] = PlanColumn.Measure,
        ["what will be the experience of children"] = PlanColumn.Experience,
        ["experience of children"] = PlanColumn.Experience,
        ["impact"] = PlanColumn.Experience,
        ["impact on children"] = PlanColumn.Experience,
        ["rag rated progress"] = PlanColumn.Rating,
        ["rag"] = PlanColumn.Rating,
        ["brag"] = PlanColumn.Rating,
        ["rag rating"] = PlanColumn.Rating,
        ["brag rating"] = PlanColumn.Rating,
        ["rag status"] = PlanColumn.Rating,
        ["rating"] = PlanColumn.Rating,
        ["status"] = PlanColumn.Rating,
        ["comments on progress"] = PlanColumn.Comments,
        ["comments"] = PlanColumn.Comments,
        ["comment"] = PlanColumn.Comments,
        ["progress"] = PlanColumn.Comments,
        ["progress update"] = PlanColumn.Comments,
    };

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

    internal static string Normalise(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            .TrimEnd(':', '?', '.', ' ')
            .TrimStart('*', ' ')
            .ToLowerInvariant();
}
