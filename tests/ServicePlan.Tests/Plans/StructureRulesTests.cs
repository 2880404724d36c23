using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public sealed class StructureRulesTests
{
    [Theory]
    [InlineData("12", new[] { "1", "2" }, null)]
    [InlineData("12", new[] { "12" }, "Ref 12 is already used by another action in this plan")]
    [InlineData(" 12a ", new[] { "12A" }, "Ref 12a is already used by another action in this plan")]
    [InlineData("CIN  3", new[] { "cin 3" }, "Ref CIN  3 is already used by another action in this plan")]
    [InlineData("", new string[0], "Enter the action's ref")]
    [InlineData("   ", new[] { "1" }, "Enter the action's ref")]
    [InlineData("12.1", new[] { "12" }, null)]
    public void A_ref_is_required_and_unique_in_the_plan_whatever_its_case_and_spaces(string reference, string[] others, string? problem)
    {
        Assert.Equal(problem, StructureRules.RefProblem(reference, others));
    }

    [Fact]
    public void A_ref_longer_than_its_column_is_refused()
    {
        Assert.Equal("Ref must be 40 characters or fewer", StructureRules.RefProblem(new string('1', 41), []));
    }

    [Theory]
    // The first section starts at 1.
    [InlineData(new string[0], new string[0], 3, new[] { "1", "2", "3" })]
    // Carries on after the highest number above, ignoring refs that are not whole numbers.
    [InlineData(new[] { "1", "7", "CIN 9", "3a" }, new[] { "1", "7", "CIN 9", "3a" }, 2, new[] { "8", "9" })]
    // A number an action below already has is skipped, so refs stay unique.
    [InlineData(new[] { "4" }, new[] { "4", "6", "7" }, 3, new[] { "5", "8", "9" })]
    [InlineData(new[] { "2" }, new[] { "2" }, 0, new string[0])]
    public void Renumbering_carries_on_from_the_sections_above_and_skips_numbers_taken_elsewhere(string[] above, string[] elsewhere, int count, string[] expected)
    {
        Assert.Equal(expected, StructureRules.Renumber(above, elsewhere, count));
    }

    [Theory]
    [InlineData("b", -1, "b,a,c")]
    [InlineData("b", 1, "a,c,b")]
    [InlineData("a", -1, "a,b,c")]
    [InlineData("c", 1, "a,b,c")]
    public void Moving_an_item_up_or_down_swaps_it_with_its_neighbour_and_stops_at_the_ends(string moved, int by, string expected)
    {
        Assert.Equal(expected, string.Join(',', StructureRules.Move(["a", "b", "c"], moved, by)));
    }

    [Theory]
    [InlineData(null, "Enter the section's title")]
    [InlineData("  ", "Enter the section's title")]
    [InlineData("Early Help", null)]
    public void A_section_needs_a_title(string? title, string? problem)
    {
        Assert.Equal(problem, StructureRules.SectionTitleProblem(title));
    }

    [Theory]
    [InlineData("", "Enter why: the objective's specific aim")]
    [InlineData("Fewer children wait for a first visit", null)]
    public void An_objective_needs_its_why(string aim, string? problem)
    {
        Assert.Equal(problem, StructureRules.AimProblem(aim));
    }

    [Theory]
    [InlineData("Kinship care  is\nsupported", 80, "Kinship care is supported")]
    [InlineData("abcdefghij", 5, "abcd…")]
    [InlineData("", 10, "(no aim written)")]
    public void Texts_are_quoted_on_one_line_and_shortened(string text, int max, string expected)
    {
        Assert.Equal(expected, StructureRules.Quote(text, max));
    }
}
