using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Progress;
using static ServicePlan.Tests.Import.SheetBuilder;

namespace ServicePlan.Tests.Import;

public sealed class PlanSheetParserTests
{
    private static readonly ImportOptions Options = new() { FallbackTitle = "plan.xlsx", FallbackPeriod = new FinancialYear(2030) };

    private static readonly object[] Headings2024 =
        ["Why?", "Who?", "Does what?", "By when?", "How will we know it has been done?", "What will be the experience of children?", "RAG rated progress", "Comments on progress"];

    /// <summary>The opening of the 2024-25 sheet (seed 002): title block, headings, a heading row, colour-only ratings.</summary>
    private static Sheet Sheet2024(params object[][] extraRows) => Sheet("Sheet1",
        [
            ["Appendix 1: Service Development Plan 2024-5"],
            ["Children's Social Care & Early Help"],
            ["Author: Rachel Talmage Date of Plan: April 2024 Date of review: quarterly Date of this review: first plan"],
            ["The Self Evaluation completed in September 2023 - the actions for 2024-5 are reflected in this plan."],
            Headings2024,
            ["Identified via colleagues in the service:"],
            ["Deputy Team Manager recruitment", "", "Advertises, interviews and recruits a new Deputy Team Manager.", "May-24", "DTM in post", "Consistent good quality social work", Fill("#00B050"), "New postholder starts with us on 5 July."],
            ["Pilot group supervision (newly permanent)", "HOS", "Creates terms of reference.", "Apr-24", "Group supervision summaries", "Right support", Fill("#0070C0"), "monthly sessions held"],
            [],
            ["OFSTED RECOMMENDATION from ILACS 2020 retained for oversight"],
            ["Ofsted recommendation 2020: recording of management decision making.", "Assistant Director & Service Manager", "Build management capacity.", "complete", "Revised structure chart", "Exceptional service", Fill("#0070C0"), "Jan 2022: TOM complete."],
            ["", "Head of Service", "Extend Deputy Team Manager Pilot.", "complete", "DTM postholder in place", "as above", Fill("#FFC000"), "complete"],
            ["", "CSC & EH Management Team", "Recording as a standing item.", "April-June", "Notes show discussion.", "Consistent decisions", Fill("#C00000"), "UPDATE: gaps found"],
            .. extraRows,
        ]);

    [Fact]
    public void The_2024_sheet_reads_its_title_block_sections_objectives_and_colour_ratings()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024()), Options);

        Assert.Empty(plan.Errors);
        Assert.Equal("Service Development Plan 2024-5", plan.Header.Title);
        Assert.Equal("Children's Social Care & Early Help", plan.Header.Service);
        Assert.Equal("Rachel Talmage", plan.Header.Owner);
        Assert.Equal(new DateOnly(2024, 4, 1), plan.Header.ImplementationDate);
        Assert.Equal("Quarterly", plan.Header.ReviewFrequency);
        Assert.StartsWith("The Self Evaluation completed", plan.Header.Aims);
        Assert.Equal(new FinancialYear(2024), plan.Header.Period);
        Assert.Equal(["Identified via colleagues in the service:", "OFSTED RECOMMENDATION from ILACS 2020 retained for oversight"], plan.Sections.Select(s => s.Title));
        Assert.Equal(3, plan.ObjectiveCount);
        Assert.Equal(5, plan.Actions.Count());
        Assert.Equal(new RatingCounts(2, 1, 1, 1, 0), plan.Ratings);
    }

    [Fact]
    public void Continuation_rows_stay_under_their_objective()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024()), Options);

        var ofsted = plan.Sections[1].Objectives.Single();
        Assert.Equal(["Build management capacity.", "Extend Deputy Team Manager Pilot.", "Recording as a standing item."], ofsted.Actions.Select(a => a.DoesWhat));
        Assert.Equal([11, 12, 13], ofsted.Actions.Select(a => a.Row));
    }

    [Fact]
    public void Actions_are_numbered_in_order_when_the_sheet_has_no_ref_column()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024()), Options);

        Assert.Equal(["1", "2", "3", "4", "5"], plan.Actions.Select(a => a.Ref));
    }

    [Fact]
    public void A_row_without_a_lead_or_rating_still_counts_with_a_warning()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Aim only", "HoS", "", "Jun-24", "", "", "", ""])), Options);

        Assert.Equal(6, plan.Actions.Count());
        Assert.Contains(plan.Warnings, w => w.Row == 14 && w.Column == "Does what?");
        Assert.Contains(plan.Warnings, w => w.Row == 14 && w.Column == "Rating");
    }

    [Fact]
    public void The_header_row_repeated_on_each_printed_page_is_skipped()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(Headings2024, ["Another aim", "HoS", "More work", "Jul-24", "", "", "Green", ""])), Options);

        Assert.Equal(6, plan.Actions.Count());
        Assert.DoesNotContain(plan.Actions, a => a.DoesWhat == "Does what?");
    }

    [Fact]
    public void The_title_block_repeated_on_each_printed_page_is_skipped()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Appendix 1: Service Development Plan 2024-5"], ["Children's Social Care & Early Help"], ["Next aim", "HoS", "Next action", "Jul-24", "", "", "Amber", ""])), Options);

        Assert.Equal(2, plan.Sections.Count);
        Assert.Equal(6, plan.Actions.Count());
    }

    [Fact]
    public void A_section_heading_with_no_actions_is_reported_and_not_imported()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Findings from Annual Survey August 2023 are now tracked in a QA tracker"], [], ["BLACK LIVES MATTER & Racism"], ["Child Q serious case review", "Head of Service", "Police data to come to MACE.", "", "", "", "Red", ""])), Options);

        Assert.Equal(3, plan.Sections.Count);
        Assert.Contains(plan.Warnings, w => w.Row == 14 && w.Message.Contains("Findings from Annual Survey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rating_that_is_not_brag_is_an_error_naming_row_and_column()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Aim", "HoS", "Action", "Jun-24", "", "", "Nearly done", ""])), Options);

        var error = Assert.Single(plan.Errors);
        Assert.Equal(14, error.Row);
        Assert.Equal("Rating", error.Column);
        Assert.Contains("\"Nearly done\" is not a BRAG rating", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("complete", Rating.Blue)]
    [InlineData("Complet ed", Rating.Blue)]
    [InlineData("GREEN", Rating.Green)]
    [InlineData(" amber ", Rating.Amber)]
    public void Ratings_written_as_text_are_read_in_any_case(string text, Rating expected)
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Aim", "HoS", "Action", "Jun-24", "", "", text, ""])), Options);

        Assert.Equal(expected, plan.Actions.Last().Rating);
    }

    [Theory]
    [InlineData("#0070C0", Rating.Blue)]
    [InlineData("#4472C4", Rating.Blue)]
    [InlineData("#00B0F0", Rating.Blue)]
    [InlineData("#C00000", Rating.Red)]
    [InlineData("#FF0000", Rating.Red)]
    [InlineData("#FFC000", Rating.Amber)]
    [InlineData("#FFFF00", Rating.Amber)]
    [InlineData("#ED7D31", Rating.Amber)]
    [InlineData("#00B050", Rating.Green)]
    [InlineData("#92D050", Rating.Green)]
    [InlineData("#70AD47", Rating.Green)]
    public void Ratings_given_only_as_a_fill_are_read_from_its_hue_whatever_the_shade(string fill, Rating expected)
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Aim", "HoS", "Action", "Jun-24", "", "", Fill(fill), ""])), Options);

        Assert.Equal(expected, plan.Actions.Last().Rating);
    }

    [Theory]
    [InlineData("#D9E1F2")]
    [InlineData("#E2EFDA")]
    [InlineData("#FFF2CC")]
    [InlineData("#0070C0")]
    public void A_heading_shaded_across_the_row_is_a_heading_whatever_the_shade(string shade)
    {
        object[] shaded = [Fill(shade, "Children in Need"), .. Enumerable.Range(0, 7).Select(_ => (object)Fill(shade))];

        var plan = PlanSheetParser.Parse(Book(Sheet2024(shaded, ["DSCO role", "HOS", "Joins pan London DSCO network.", "June and March 2025", "", "", "Green", ""])), Options);

        Assert.Equal("Children in Need", plan.Sections.Last().Title);
        Assert.Equal(6, plan.Actions.Count());
    }

    [Fact]
    public void A_shaded_blank_row_is_not_an_action()
    {
        object[] shaded = [.. Enumerable.Range(0, 8).Select(_ => (object)Fill("#FFF2CC"))];

        var plan = PlanSheetParser.Parse(Book(Sheet2024(shaded)), Options);

        Assert.Equal(5, plan.Actions.Count());
    }

    [Fact]
    public void An_aim_merged_down_its_actions_rows_is_one_objective()
    {
        var merged = new SheetCell { Text = "Merged aim", FromMerge = true };
        var plan = PlanSheetParser.Parse(Book(Sheet2024(
            ["Merged aim", "HoS", "First action", "Jun-24", "", "", "Green", ""],
            [merged, "HoS", "Second action", "Jul-24", "", "", "Amber", ""],
            [merged, "HoS", "Third action", "Aug-24", "", "", "Blue", ""])), Options);

        var objective = plan.Sections.Last().Objectives.Last();
        Assert.Equal("Merged aim", objective.Aim);
        Assert.Equal(["First action", "Second action", "Third action"], objective.Actions.Select(a => a.DoesWhat));
    }

    [Fact]
    public void A_fill_that_is_no_brag_colour_leaves_the_action_unrated_with_a_warning()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Aim", "HoS", "Action", "Jun-24", "", "", Fill("#D9D9D9"), ""])), Options);

        Assert.Equal(Rating.None, plan.Actions.Last().Rating);
        Assert.Contains(plan.Warnings, w => w.Row == 14 && w.Message.Contains("#D9D9D9", StringComparison.Ordinal));
    }

    [Fact]
    public void An_excel_day_number_in_the_due_column_is_read_as_a_date()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["Aim", "HoS", "Action", Serial(45536), "", "", "Green", ""])), Options);

        Assert.Equal("2024-09-01", plan.Actions.Last().ByWhen);
    }

    [Fact]
    public void Line_breaks_are_kept_and_stray_spaces_removed()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024(["  Aim  with   spaces ", " HoS ", "First line \r\n  second   line ", "Jun-24", "", "", "Green", ""])), Options);

        var action = plan.Actions.Last();
        Assert.Equal("First line\nsecond line", action.DoesWhat);
        Assert.Equal("HoS", action.Who);
        Assert.Equal("Aim with spaces", plan.Sections[1].Objectives.Last().Aim);
    }

    [Fact]
    public void Columns_can_come_in_any_order_with_other_headings()
    {
        var sheet = Sheet("Plan",
            ["status", "Lead:", "Measure", "ACTION", "Objective", "due date", "Impact", "Progress"],
            ["Green", "HoS", "Minutes", "Do the thing", "Because", "Jun-24", "Children safer", "On track"]);

        var plan = PlanSheetParser.Parse(Book(sheet), Options with { Period = new FinancialYear(2024) });

        var action = plan.Actions.Single();
        Assert.Equal(("Do the thing", "HoS", "Jun-24", "Minutes", "Children safer", Rating.Green, "On track"),
            (action.DoesWhat, action.Who, action.ByWhen, action.Measure, action.Experience, action.Rating, action.Comment));
        Assert.Equal("Because", plan.Sections.Single().Objectives.Single().Aim);
    }

    [Fact]
    public void No_recognisable_header_row_is_an_error_saying_what_was_found()
    {
        var sheet = Sheet("Budget", ["Cost centre", "Lead", "Amount"], ["A1", "HoS", "100"]);

        var plan = PlanSheetParser.Parse(Book(sheet), Options);

        var error = Assert.Single(plan.Errors);
        Assert.Contains("No header row found in the first 30 rows of \"Budget\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Who?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_sheets_are_ignored_with_a_warning_and_the_sheet_with_the_plan_is_chosen()
    {
        var key = Sheet("Key", ["Blue", "fully completed"]);
        var hidden = Sheet("Old", true, Headings2024, ["Old aim", "HoS", "Old action", "Jun-23", "", "", "Green", ""]);

        var plan = PlanSheetParser.Parse(Book(key, hidden, Sheet2024()), Options);

        Assert.Equal("Sheet1", plan.SheetName);
        Assert.Contains(plan.Warnings, w => w.Message.Contains("\"Old\" is hidden", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Actions, a => a.DoesWhat == "Old action");
    }

    [Fact]
    public void A_named_sheet_is_read_even_when_another_comes_first()
    {
        var other = Sheet("Draft", Headings2024, ["Draft aim", "HoS", "Draft action", "Jun-24", "", "", "Green", ""]);

        var plan = PlanSheetParser.Parse(Book(other, Sheet2024()), Options with { SheetName = "sheet1" });

        Assert.Equal("Sheet1", plan.SheetName);
        Assert.Equal(5, plan.Actions.Count());
    }

    [Fact]
    public void Asking_for_a_sheet_that_is_not_there_names_the_sheets_that_are()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024()), Options with { SheetName = "Plan 2025" });

        Assert.Contains("There is no sheet called \"Plan 2025\". The sheets are: \"Sheet1\"", Assert.Single(plan.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_and_period_given_by_the_user_win_over_the_sheet()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024()), Options with { Title = "Our plan", Period = new FinancialYear(2025) });

        Assert.Equal("Our plan", plan.Header.Title);
        Assert.Equal(new FinancialYear(2025), plan.Header.Period);
    }

    [Fact]
    public void Without_any_year_in_the_sheet_the_fallback_period_is_used_with_a_warning()
    {
        var sheet = Sheet("Plan", Headings2024, ["Aim", "HoS", "Action", "", "", "", "Green", ""]);

        var plan = PlanSheetParser.Parse(Book(sheet), Options);

        Assert.Equal(new FinancialYear(2030), plan.Header.Period);
        Assert.Equal("plan.xlsx", plan.Header.Title);
        Assert.Contains(plan.Warnings, w => w.Message.Contains("--period", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_people_listed_each_lead_named_becomes_one_person()
    {
        var plan = PlanSheetParser.Parse(Book(Sheet2024()), Options);

        // "HOS" and "Head of Service" are one person; a team's name holding an "&" stays whole.
        Assert.Equal(
            [new ParsedPerson("Head of Service", "HoS", null), new ParsedPerson("Assistant Director", "AD", null), new ParsedPerson("Service Manager", "SM", null),
             new ParsedPerson("CSC & EH Management Team", "CSC & EH Management Team", null)],
            plan.People);
    }
}
