using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>How the action list is ordered: by one of the plan's columns, or (no column) in the plan's own order.</summary>
public sealed record ActionSort(PlanColumn? Column = null, bool Descending = false)
{
    public static ActionSort PlanOrder { get; } = new();

    public bool IsPlanOrder => Column is null;
}

/// <summary>
/// The sorting rule of the action list, the API and "export what I see": refs in their natural order ("2" before "10",
/// "1a" after "1"), ratings in BRAG order, due dates by date with actions that have none last whichever way, and texts
/// alphabetically. Ties keep the plan's order, so a sort never shuffles equal rows.
/// </summary>
public static class ActionSorting
{
    /// <summary>The columns a list can be sorted by, with the words used for them in addresses ("sort=due").</summary>
    public static IReadOnlyList<(PlanColumn Column, string Slug)> Sortable { get; } =
    [
        (PlanColumn.Ref, "ref"),
        (PlanColumn.Section, "section"),
        (PlanColumn.Why, "why"),
        (PlanColumn.Who, "who"),
        (PlanColumn.DoesWhat, "does-what"),
        (PlanColumn.ByWhen, "due"),
        (PlanColumn.Measure, "measure"),
        (PlanColumn.Experience, "experience"),
        (PlanColumn.Rating, "rating"),
        (PlanColumn.Comments, "comments"),
    ];

    /// <summary>The address word for plan order, the default.</summary>
    public const string PlanOrderSlug = "plan";

    public static string Slug(this PlanColumn column) => Sortable.First(s => s.Column == column).Slug;

    public static string Slug(this ActionSort sort) => sort.Column is { } column ? column.Slug() : PlanOrderSlug;

    /// <summary>
    /// Reads <c>sort</c> and <c>order</c> as an address carries them. Blank means the default (plan order, ascending);
    /// an unknown word gives an error message naming it, and the default in its place.
    /// </summary>
    public static ActionSort Parse(string? sort, string? order, out string? sortError, out string? orderError)
    {
        sortError = orderError = null;
        PlanColumn? column = null;
        if (!string.IsNullOrWhiteSpace(sort) && !sort.Trim().Equals(PlanOrderSlug, StringComparison.OrdinalIgnoreCase))
        {
            var match = Sortable.Where(s => s.Slug.Equals(sort.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (PlanColumn?)s.Column).FirstOrDefault();
            if (match is null)
                sortError = $"We did not recognise the sort '{sort.Trim()}', so we showed the actions in the plan's order. Sort by one of: {string.Join(", ", Sortable.Select(s => s.Slug))}.";
            column = match;
        }

        var descending = false;
        if (!string.IsNullOrWhiteSpace(order))
        {
            switch (order.Trim().ToLowerInvariant())
            {
                case "asc":
                    break;
                case "desc":
                    descending = true;
                    break;
                default:
                    orderError = $"We did not recognise the order '{order.Trim()}', so we sorted in ascending order. Use asc or desc.";
                    break;
            }
        }

        return new ActionSort(column, column is not null && descending);
    }

    /// <summary>The rows in the order asked for. <paramref name="rows"/> must be in the plan's order, which breaks ties.</summary>
    public static IReadOnlyList<ActionRow> Sort(IReadOnlyList<ActionRow> rows, ActionSort sort)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sort);
        if (sort.Column is not { } column)
            return rows;

        // Actions with nothing to sort by (no date, not rated, a blank cell) go last whichever way the rest run: "no
        // date" is neither earlier nor later than a date.
        var known = rows.Where(r => HasValue(r, column));
        IComparer<ActionRow> comparer = column switch
        {
            PlanColumn.Ref => Comparer<ActionRow>.Create((a, b) => CompareRefs(a.Ref, b.Ref)),
            PlanColumn.Rating => Comparer<ActionRow>.Create((a, b) => BragRank(a.Rating).CompareTo(BragRank(b.Rating))),
            PlanColumn.ByWhen => Comparer<ActionRow>.Create((a, b) => Nullable.Compare(a.DueOn, b.DueOn)),
            _ => Comparer<ActionRow>.Create((a, b) => string.Compare(Text(a, column), Text(b, column), StringComparison.InvariantCultureIgnoreCase)),
        };
        var ordered = sort.Descending ? known.OrderByDescending(r => r, comparer) : known.OrderBy(r => r, comparer);
        return [.. ordered, .. rows.Where(r => !HasValue(r, column))];
    }

    private static bool HasValue(ActionRow row, PlanColumn column) => column switch
    {
        PlanColumn.ByWhen => row.DueOn is not null,
        PlanColumn.Rating => row.Rating != Rating.None,
        _ => Text(row, column).Length > 0,
    };

    /// <summary>Blue, Red, Amber, Green as the committee reports count them, then not rated.</summary>
    public static int BragRank(Rating rating) => rating == Rating.None ? Ratings.All.Count : Ratings.All.ToList().IndexOf(rating);

    /// <summary>
    /// Refs compared as people number things: runs of digits by their value ("2" before "10"), other characters
    /// alphabetically ignoring case, and a ref that is the start of another first ("1" before "1a", "1.2" before "1.2.1").
    /// </summary>
    public static int CompareRefs(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                    i++;
                while (j < b.Length && char.IsAsciiDigit(b[j]))
                    j++;
                var digitsA = a[startA..i].TrimStart('0');
                var digitsB = b[startB..j].TrimStart('0');
                if (digitsA.Length != digitsB.Length)
                    return digitsA.Length.CompareTo(digitsB.Length);
                var byValue = string.CompareOrdinal(digitsA, digitsB);
                if (byValue != 0)
                    return byValue;
                continue;
            }

            var byChar = char.ToUpperInvariant(a[i]).CompareTo(char.ToUpperInvariant(b[j]));
            if (byChar != 0)
                return byChar;
            i++;
            j++;
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static string Text(ActionRow row, PlanColumn column) => (column switch
    {
        PlanColumn.Section => row.SectionTitle,
        PlanColumn.Why => row.Aim,
        PlanColumn.Who => row.LeadsText,
        PlanColumn.DoesWhat => row.DoesWhat,
        PlanColumn.Measure => row.Measure,
        PlanColumn.Experience => row.ChildrenExperience,
        PlanColumn.Comments => row.LatestComment,
        _ => row.Ref,
    } ?? "").Trim();
}
