using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Tests.Plans;

public sealed class ActionSortingTests
{
    private static ActionRow Row(string reference, Rating rating = Rating.None, DateOnly? due = null, string who = "", string section = "Section") =>
        new(Guid.NewGuid(), reference, Guid.Empty, section, Guid.Empty, "Aim", who, "Does something", "", DueKind.None, due, "", "", false, false, rating, null, false, null, false);

    [Theory]
    [InlineData("2", "10")]
    [InlineData("1", "1a")]
    [InlineData("1a", "1b")]
    [InlineData("1b", "2")]
    [InlineData("1.2", "1.10")]
    [InlineData("1.2", "1.2.1")]
    [InlineData("9", "10a")]
    [InlineData("02", "3")]
    [InlineData("A1", "a2")]
    [InlineData("", "1")]
    public void Refs_sort_in_natural_order(string first, string second)
    {
        Assert.True(ActionSorting.CompareRefs(first, second) < 0, $"{first} before {second}");
        Assert.True(ActionSorting.CompareRefs(second, first) > 0, $"{second} after {first}");
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("01", "1")]
    [InlineData("a", "A")]
    public void Refs_that_read_the_same_compare_equal(string first, string second) =>
        Assert.Equal(0, ActionSorting.CompareRefs(first, second));

    [Theory]
    [InlineData(false, "1,1a,2,10,10b,11")]
    [InlineData(true, "11,10b,10,2,1a,1")]
    public void Sorting_by_ref(bool descending, string expected)
    {
        var rows = new[] { "10", "2", "1a", "11", "1", "10b" }.Select(r => Row(r)).ToList();

        var sorted = ActionSorting.Sort(rows, new ActionSort(PlanColumn.Ref, descending));

        Assert.Equal(expected, string.Join(',', sorted.Select(r => r.Ref)));
    }

    [Theory]
    [InlineData(false, "blue,red,amber,green,none")]
    [InlineData(true, "green,amber,red,blue,none")]
    public void Ratings_sort_in_BRAG_order_with_unrated_last(bool descending, string expected)
    {
        var rows = new[] { Rating.Green, Rating.None, Rating.Red, Rating.Blue, Rating.Amber }.Select(r => Row(r.ToString(), r)).ToList();

        var sorted = ActionSorting.Sort(rows, new ActionSort(PlanColumn.Rating, descending));

        Assert.Equal(expected, string.Join(',', sorted.Select(r => r.Rating.ToString().ToLowerInvariant())));
    }

    [Theory]
    [InlineData(false, "march,may,june,none1,none2")]
    [InlineData(true, "june,may,march,none1,none2")]
    public void Due_sorts_by_date_with_unknown_dates_last_either_way(bool descending, string expected)
    {
        var rows = new List<ActionRow>
        {
            Row("none1"),
            Row("june", due: new DateOnly(2025, 6, 30)),
            Row("march", due: new DateOnly(2025, 3, 31)),
            Row("none2"),
            Row("may", due: new DateOnly(2025, 5, 1)),
        };

        var sorted = ActionSorting.Sort(rows, new ActionSort(PlanColumn.ByWhen, descending));

        Assert.Equal(expected, string.Join(',', sorted.Select(r => r.Ref)));
    }

    [Fact]
    public void Equal_values_keep_the_plans_order()
    {
        var rows = new[] { Row("3", who: "SO"), Row("1", who: "AB"), Row("2", who: "SO"), Row("4", who: "") }.ToList();

        Assert.Equal("1,3,2,4", string.Join(',', ActionSorting.Sort(rows, new ActionSort(PlanColumn.Who)).Select(r => r.Ref)));
        Assert.Equal("3,2,1,4", string.Join(',', ActionSorting.Sort(rows, new ActionSort(PlanColumn.Who, Descending: true)).Select(r => r.Ref)));
    }

    [Fact]
    public void Plan_order_leaves_the_rows_as_they_are()
    {
        var rows = new[] { Row("10"), Row("2") }.ToList();

        Assert.Same(rows, ActionSorting.Sort(rows, ActionSort.PlanOrder));
    }

    [Theory]
    [InlineData(null, null, null, false, null)]
    [InlineData("", "", null, false, null)]
    [InlineData("plan", "desc", null, false, null)]
    [InlineData("ref", null, PlanColumn.Ref, false, null)]
    [InlineData("DUE", "Desc", PlanColumn.ByWhen, true, null)]
    [InlineData("does-what", "asc", PlanColumn.DoesWhat, false, null)]
    [InlineData("colour", "desc", null, false, "sort")]
    [InlineData("rating", "up", PlanColumn.Rating, false, "order")]
    public void Sort_parameters_are_read_and_unknown_ones_named(string? sort, string? order, PlanColumn? column, bool descending, string? problem)
    {
        var request = ActionListParameters.Parse(null, null, null, null, null, null, sort, order);

        Assert.Equal(new ActionSort(column, descending), request.Sort);
        Assert.Equal(problem, request.Problems.SingleOrDefault()?.Parameter);
    }

    [Theory]
    [InlineData("rating", "purple", "We did not recognise the rating 'purple'")]
    [InlineData("section", "not-an-id", "We did not recognise the section 'not-an-id', so we showed every section.")]
    [InlineData("overdue", "maybe", "We did not recognise the overdue choice 'maybe'")]
    [InlineData("sort", "colour", "We did not recognise the sort 'colour', so we showed the actions in the plan's order.")]
    public void Unknown_filter_values_are_left_out_with_a_message_naming_them(string parameter, string value, string message)
    {
        string? Value(string name) => name == parameter ? value : null;

        var request = ActionListParameters.Parse(Value("section"), Value("lead"), Value("rating"), Value("source"), Value("overdue"), null, Value("sort"), Value("order"));

        Assert.True(request.Filter.IsEmpty);
        var problem = Assert.Single(request.Problems);
        Assert.Equal(parameter, problem.Parameter);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, null, false, 1, 20, 0, 50, null)]
    [InlineData(1000, "2", false, 2, 20, 50, 50, null)]
    [InlineData(1000, "20", false, 20, 20, 950, 50, null)]
    [InlineData(1000, "21", false, 20, 20, 950, 50, "page")]
    [InlineData(1000, "0", false, 1, 20, 0, 50, "page")]
    [InlineData(1000, "two", false, 1, 20, 0, 50, "page")]
    [InlineData(1000, "3", true, 0, 20, 0, 1000, null)]
    [InlineData(120, "3", false, 3, 3, 100, 20, null)]
    [InlineData(0, null, false, 1, 1, 0, 0, null)]
    public void Pages_of_fifty(int total, string? page, bool all, int number, int lastPage, int skip, int take, string? problem)
    {
        var result = ActionListPage.Of(total, page, all, out var found);

        Assert.Equal((number, lastPage, skip, take), (result.Number, result.LastPage, result.Skip, result.Take));
        Assert.Equal(problem, found?.Parameter);
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 3, "1,2,3")]
    [InlineData(1, 20, "1,2,…,20")]
    [InlineData(10, 20, "1,…,9,10,11,…,20")]
    [InlineData(3, 20, "1,2,3,4,…,20")]
    [InlineData(20, 20, "1,…,19,20")]
    public void Page_links_show_the_first_last_and_neighbours(int current, int last, string expected)
    {
        var page = new ActionListPage(current, last, 0, 50, last * 50);

        Assert.Equal(expected, string.Join(',', page.Links().Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }

    [Theory]
    [InlineData("Short text.", 20, "Short text.")]
    [InlineData("Joins the pan-London network of officers", 20, "Joins the pan-London…")]
    [InlineData("Averyveryverylongwordwithoutspaces", 10, "Averyveryv…")]
    [InlineData("  padded  ", 20, "padded")]
    public void Compact_texts_are_cut_at_a_word(string text, int max, string expected) =>
        Assert.Equal(expected, ShortText.Shorten(text, max));
}
