using ServicePlan.Audit;
using ServicePlan.Redaction;

namespace ServicePlan.Tests.Redaction;

public class RedactionTextTests
{
    private const string Marker = "[redacted on 3 December 2026 by Ana Owner: a child's name]";

    [Theory]
    [InlineData(2026, 12, 3, "Ana Owner", "a child's name", "[redacted on 3 December 2026 by Ana Owner: a child's name]")]
    [InlineData(2025, 1, 31, "Rachel Talmage", "Case number", "[redacted on 31 January 2025 by Rachel Talmage: Case number]")]
    [InlineData(2024, 10, 15, "  Sam   Okafor ", "two\nlines  of reason", "[redacted on 15 October 2024 by Sam Okafor: two lines of reason]")]
    public void The_marker_says_when_by_whom_and_why_on_one_line(int year, int month, int day, string by, string reason, string expected)
    {
        Assert.Equal(expected, RedactionText.Marker(new DateOnly(year, month, day), by, reason));
    }

    [Theory]
    [InlineData(null, "Enter why the words are being redacted")]
    [InlineData("", "Enter why the words are being redacted")]
    [InlineData("   ", "Enter why the words are being redacted")]
    [InlineData("A child's name", null)]
    public void A_reason_is_required(string? reason, string? expected)
    {
        Assert.Equal(expected, RedactionText.ReasonProblem(reason));
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        Assert.Equal("The reason must be 300 characters or fewer", RedactionText.ReasonProblem(new string('x', RedactionText.MaxReasonLength + 1)));
        Assert.Null(RedactionText.ReasonProblem(new string('x', RedactionText.MaxReasonLength)));
    }

    [Theory]
    [InlineData(null, "[redacted on 3 December 2026 by Ana Owner: a child's name]")]
    [InlineData(500, "[redacted on 3 December 2026 by Ana Owner: a child's name]")]
    [InlineData(20, "[redacted on 3 Dec…]")]
    public void The_marker_is_cut_to_fit_a_short_column_and_still_closes_its_bracket(int? max, string expected)
    {
        Assert.Equal(expected, RedactionText.Fit(Marker, max));
    }

    [Theory]
    [InlineData("Visited Zebedee Quillfeather at home.", "Visited [M] at home.")]
    [InlineData("Zebedee Quillfeather and Zebedee Quillfeather", "[M] and [M]")]
    [InlineData("Nothing personal here.", "Nothing personal here.")]
    [InlineData("", "")]
    [InlineData(null, null)]
    // Case matters: only the exact words are erased.
    [InlineData("zebedee quillfeather", "zebedee quillfeather")]
    public void Scrub_replaces_every_occurrence_of_the_words(string? value, string? expected)
    {
        Assert.Equal(expected, RedactionText.Scrub(value, ["Zebedee Quillfeather"], "[M]"));
    }

    [Fact]
    public void Longer_words_are_replaced_before_shorter_ones_inside_them()
    {
        var words = new[] { "Zebedee Quillfeather", "Zebedee Quillfeather 07700 900123" };

        Assert.Equal("Call [M] today", RedactionText.Scrub("Call Zebedee Quillfeather 07700 900123 today", words, "[M]"));
    }

    [Theory]
    [InlineData("n/a", false, "Due n/a")]
    [InlineData("n/a", true, "Due [M]")]
    [InlineData("Weekly visits", false, "Due [M]")]
    public void Short_words_are_only_searched_for_in_the_redacted_record_itself(string words, bool anyLength, string expected)
    {
        Assert.Equal(expected, RedactionText.Scrub("Due " + words, [words], "[M]", anyLength));
    }

    [Fact]
    public void The_redacted_field_loses_every_value_it_had_and_other_fields_lose_only_copied_words()
    {
        FieldChange[] fields =
        [
            new("Comment", "First wording", "Second wording"),
            new("Comment2", null, "Quoted: Zebedee Quillfeather said so"),
            new("Rating", "Green", "Amber"),
            new("ExemptParagraph", null, null),
        ];

        var scrubbed = RedactionText.ScrubFields(fields, f => f == "Comment" ? RedactedField.WholeValue : null, ["Zebedee Quillfeather"], "[M]");

        Assert.Equal(
            [
                new FieldChange("Comment", "[M]", "[M]"),
                new FieldChange("Comment2", null, "Quoted: [M] said so"),
                new FieldChange("Rating", "Green", "Amber"),
                new FieldChange("ExemptParagraph", null, null),
            ],
            scrubbed);
    }

    [Fact]
    public void A_redacted_paragraph_goes_from_its_field_and_the_other_paragraphs_stay()
    {
        FieldChange[] fields = [new("Background", "Intro.\n\nAbout Zeb.", "Intro.\n\nAbout Zeb.\n\nMore.")];

        var scrubbed = RedactionText.ScrubFields(fields, _ => RedactedField.Occurrences, ["About Zeb."], "[M]");

        Assert.Equal([new FieldChange("Background", "Intro.\n\n[M]", "Intro.\n\n[M]\n\nMore.")], scrubbed);
    }

    [Theory]
    [InlineData("One.", new[] { "One." })]
    [InlineData("One.\n\nTwo.", new[] { "One.", "Two." })]
    [InlineData("One.\r\n\r\nTwo.\n  \n\nThree.", new[] { "One.", "Two.", "Three." })]
    [InlineData("Line one\nline two of the same paragraph.", new[] { "Line one\nline two of the same paragraph." })]
    [InlineData("", new string[0])]
    public void A_narrative_field_splits_into_paragraphs_at_blank_lines(string text, string[] expected)
    {
        Assert.Equal(expected, RedactionText.Paragraphs(text));
    }

    [Theory]
    [InlineData("One.\n\nTwo.\n\nThree.", 1, "One.\n\n[M]\n\nThree.")]
    [InlineData("One.\n\nTwo.", 0, "[M]\n\nTwo.")]
    [InlineData("One.\r\n\r\nTwo.  ", 1, "One.\r\n\r\n[M]  ")]
    public void Replacing_a_paragraph_keeps_the_others_and_the_blank_lines(string text, int paragraph, string expected)
    {
        Assert.Equal(expected, RedactionText.ReplaceParagraph(text, paragraph, "[M]"));
    }

    [Fact]
    public void Replacing_a_paragraph_that_is_not_there_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RedactionText.ReplaceParagraph("One.", 1, "[M]"));
    }

    [Theory]
    [InlineData(ActionTextField.Why, "why", "Why?")]
    [InlineData(ActionTextField.Who, "who", "Who?")]
    [InlineData(ActionTextField.DoesWhat, "does-what", "Does what?")]
    [InlineData(ActionTextField.ByWhen, "by-when", "By when?")]
    [InlineData(ActionTextField.Measure, "measure", "How will we know it has been done?")]
    [InlineData(ActionTextField.Experience, "experience", "What will be the experience of children?")]
    public void Each_action_text_has_an_address_and_the_label_the_action_page_gives_it(ActionTextField field, string slug, string label)
    {
        Assert.Equal(slug, field.Slug());
        Assert.Equal(field, RedactionFields.FromSlug(slug));
        Assert.Equal(label, field.Label());
    }

    [Fact]
    public void An_unknown_field_address_is_no_field()
    {
        Assert.Null(RedactionFields.FromSlug("ref"));
    }
}
