using System.Globalization;
using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>A value in the address that was not understood, and what was shown instead, in the reader's words.</summary>
/// <param name="Parameter">The query parameter: "rating", "sort".</param>
public sealed record ActionListProblem(string Parameter, string Message);

/// <summary>The action list's filters and sort as read from an address, with whatever could not be read.</summary>
public sealed record ActionListRequest(ActionFilter Filter, ActionSort Sort, IReadOnlyList<ActionListProblem> Problems);

/// <summary>
/// Reads the action list's query parameters (section, lead, rating, source, overdue, q, sort, order) the same way for
/// the page, the API and the downloads, so one address means the same actions in the same order everywhere. A value
/// that cannot be read is left out, with a message: the page shows it above the list, the API answers 400 with it.
/// </summary>
public static class ActionListParameters
{
    public const int SearchMaxLength = 200;

    public static ActionListRequest Parse(string? section, string? lead, string? rating, string? source, string? overdue, string? q, string? sort, string? order)
    {
        var problems = new List<ActionListProblem>();

        Guid? Id(string? text, string parameter, string what, string instead)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (Guid.TryParse(text.Trim(), out var id))
                return id;
            problems.Add(new ActionListProblem(parameter, $"We did not recognise the {what} '{Quoted(text)}', so we showed {instead}."));
            return null;
        }

        var filter = new ActionFilter
        {
            SectionId = Id(section, "section", "section", "every section"),
            LeadId = Id(lead, "lead", "lead", "every lead's actions"),
            Rating = ParseRating(rating, problems),
            SourceId = Id(source, "source", "source", "actions from every source"),
            OverdueOnly = ParseOverdue(overdue, problems),
            Search = q?.Length > SearchMaxLength ? q[..SearchMaxLength] : q,
        };

        var parsedSort = ActionSorting.Parse(sort, order, out var sortError, out var orderError);
        if (sortError is not null)
            problems.Add(new ActionListProblem("sort", sortError));
        if (orderError is not null)
            problems.Add(new ActionListProblem("order", orderError));
        return new ActionListRequest(filter, parsedSort, problems);
    }

    /// <summary>The message for an id that reads as one but is not one of this plan's: a link from another plan, say.</summary>
    public static ActionListProblem NotInPlan(string parameter, string what, string instead) =>
        new(parameter, $"This plan has no such {what}, so we showed {instead}.");

    /// <summary>"unrated" (or "none") for actions not yet rated; otherwise the rating's name in lower case.</summary>
    public static string RatingText(Rating rating) => rating == Rating.None ? "unrated" : rating.ToString().ToLowerInvariant();

    private static Rating? ParseRating(string? text, List<ActionListProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (trimmed.Equals("unrated", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
            return Rating.None;
        if (Ratings.TryParse(trimmed, out var rating, out _))
            return rating;
        problems.Add(new ActionListProblem("rating", $"We did not recognise the rating '{Quoted(text)}' (it is not a BRAG rating), so we showed every rating. Use blue, red, amber, green or unrated."));
        return null;
    }

    private static bool ParseOverdue(string? text, List<ActionListProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (bool.TryParse(text.Trim(), out var value))
            return value;
        if (text.Trim().Equals("on", StringComparison.OrdinalIgnoreCase))
            return true;
        problems.Add(new ActionListProblem("overdue", $"We did not recognise the overdue choice '{Quoted(text)}', so we showed actions whether overdue or not. Use true or false."));
        return false;
    }

    /// <summary>What the reader typed, cut short so a hostile address cannot fill the page.</summary>
    private static string Quoted(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed;
    }
}

/// <summary>One page of the action list: which rows it shows, and the page numbers to link to.</summary>
/// <param name="Number">The page shown, from 1; 0 when every action is shown.</param>
public sealed record ActionListPage(int Number, int LastPage, int Skip, int Take, int Total)
{
    public const int DefaultSize = 50;

    public bool ShowsAll => Number == 0;

    /// <summary>
    /// The page asked for (blank is the first) of <paramref name="total"/> rows, or every row when
    /// <paramref name="showAll"/>. A page number that cannot be read, or that is past the end, gives a message and the
    /// nearest page that exists.
    /// </summary>
    public static ActionListPage Of(int total, string? page, bool showAll, out ActionListProblem? problem, int size = DefaultSize)
    {
        problem = null;
        var lastPage = Math.Max(1, (total + size - 1) / size);
        if (showAll)
            return new ActionListPage(0, lastPage, 0, total, total);

        var number = 1;
        if (!string.IsNullOrWhiteSpace(page))
        {
            if (!int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)
            {
                problem = new ActionListProblem("page", $"We did not recognise the page '{(page.Trim().Length > 20 ? page.Trim()[..20] + "…" : page.Trim())}', so we showed the first page.");
                number = 1;
            }
            else if (number > lastPage)
            {
                problem = new ActionListProblem("page", $"There is no page {number.ToString(CultureInfo.InvariantCulture)}, so we showed the last page, page {lastPage.ToString(CultureInfo.InvariantCulture)}.");
                number = lastPage;
            }
        }

        var skip = (number - 1) * size;
        return new ActionListPage(number, lastPage, skip, Math.Min(size, total - skip), total);
    }

    /// <summary>
    /// The page numbers the pagination shows, as the GOV.UK pattern does: the first, the last, and the current page
    /// with its neighbours; null where numbers are left out (an ellipsis).
    /// </summary>
    public IReadOnlyList<int?> Links()
    {
        var shown = Enumerable.Range(1, LastPage).Where(n => n == 1 || n == LastPage || Math.Abs(n - Math.Max(Number, 1)) <= 1).ToList();
        var links = new List<int?>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1)
                links.Add(null);
            links.Add(shown[i]);
        }

        return links;
    }
}

/// <summary>The compact view's shortened texts; the action's own page shows them in full.</summary>
public static class ShortText
{
    public const int CompactLength = 120;

    /// <summary>The text up to <paramref name="max"/> characters, cut at the last whole word and ending "…" when cut.</summary>
    public static string Shorten(string? text, int max = CompactLength)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length <= max)
            return trimmed;
        var cut = trimmed[..max];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', '.', ':', '-') + "…";
    }
}
