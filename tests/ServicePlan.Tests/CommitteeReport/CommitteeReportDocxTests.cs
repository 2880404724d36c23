using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ServicePlan.CommitteeReport;
using ServicePlan.Plans;

namespace ServicePlan.Tests.CommitteeReport;

public sealed class CoverReportDocxTests
{
    [Theory]
    [InlineData(FileFormatVersions.Office2007)]
    [InlineData(FileFormatVersions.Microsoft365)]
    public void The_document_passes_the_Open_XML_validator(FileFormatVersions version)
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var errors = new OpenXmlValidator(version).Validate(report.Document)
            .Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}")
            .ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void The_document_title_is_the_subject()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        Assert.Equal(SampleReports.Subject, report.Document.PackageProperties.Title);
    }

    [Fact]
    public void The_header_table_comes_first_with_committee_date_subject_public_and_the_report_of_and_author()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var table = Assert.IsType<Table>(report.Body.ChildElements.First());
        var cells = table.Elements<TableRow>()
            .Select(row => row.Elements<TableCell>().Select(WrittenReport.Text).ToList())
            .ToList();

        Assert.All(cells, row => Assert.Equal(2, row.Count));
        Assert.Equal("Committee(s):\nAchieving Excellence Board – For Information\nSafeguarding and SEND Sub-Committee – For Information", cells[0][0]);
        Assert.Equal("Dated:\n10/02/2025", cells[0][1]);
        Assert.Equal($"Subject:\n{SampleReports.Subject}", cells[1][0]);
        Assert.Equal("Public", cells[1][1]);
        Assert.Equal("Report of:\nJudith Finlay, Executive Director of Community and Children's Services", cells[2][0]);
        Assert.Equal("Report author:\nRachel Talmage, Head of Children's Social Care and Early Help", cells[3][0]);
        Assert.NotNull(table.GetFirstChild<TableProperties>()?.TableBorders);
    }

    [Fact]
    public void A_report_that_is_not_public_says_Non_public()
    {
        var sample = SampleReports.Quarterly();
        using var report = WrittenReport.Of(sample with { Header = sample.Header with { IsPublic = false } });

        var table = report.Body.Elements<Table>().First();
        Assert.Equal("Non-public", WrittenReport.Text(table.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Last()));
    }

    [Fact]
    public void A_report_that_is_not_public_names_the_schedule_12A_paragraphs_of_what_it_shows()
    {
        var sample = SampleReports.Quarterly();
        using var report = WrittenReport.Of(sample with { Header = sample.Header with { IsPublic = false, ExemptParagraphs = ["Paragraph 2", "Paragraph 1"] } });

        var table = report.Body.Elements<Table>().First();
        Assert.Equal(
            "Non-public: Exempt information under paragraphs 1 and 2 of Part 1 of Schedule 12A to the Local Government Act 1972",
            WrittenReport.Text(table.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Last()));
        Assert.Equal("NOT FOR PUBLICATION", WrittenReport.Text(report.Body.Elements<Paragraph>().First()));
    }

    [Fact]
    public void The_template_headings_come_in_the_council_order()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var headings = report.ReportParagraphs
            .Where(paragraph => report.Style(paragraph) is "Heading1" or "Heading2")
            .Select(WrittenReport.Text)
            .ToList();

        Assert.Equal(
        [
            "Summary", "Recommendation", "Main Report", "Background", "Current Position", "Key achievements",
            "Impact on children and families", "Areas for development", "Corporate & Strategic Implications", "Conclusion", "Appendices",
        ], headings);
    }

    [Fact]
    public void The_summary_is_not_numbered_and_the_default_recommendation_is_a_bullet_after_Members_are_asked_to()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var summary = report.ReportParagraphs.Single(paragraph => WrittenReport.Text(paragraph).StartsWith("The cover report highlights", StringComparison.Ordinal));
        Assert.Null(report.ListOf(summary));
        Assert.Equal(["Note the report."], report.BulletsAfter("Members are asked to:"));
    }

    [Theory]
    [InlineData("", new[] { "Note the report." })]
    [InlineData("Members are asked to:\nNote the report.", new[] { "Note the report." })]
    [InlineData("Note the report.\n\nagree the new objectives for care leavers.", new[] { "Note the report.", "Agree the new objectives for care leavers." })]
    public void Each_recommendation_is_a_bullet_without_repeating_Members_are_asked_to(string recommendation, string[] bullets)
    {
        var sample = SampleReports.Quarterly();
        using var report = WrittenReport.Of(sample with { Narrative = sample.Narrative with { Recommendation = recommendation } });

        Assert.Equal(bullets, report.BulletsAfter("Members are asked to:"));
    }

    [Fact]
    public void Current_position_gives_the_BRAG_key_and_There_are_bullets_with_the_counts()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        Assert.Equal(
        [
            "blue meaning 'fully completed'",
            "red meaning 'fully stuck'",
            "amber meaning 'more work needed or resolvable issue in sight'",
            "green meaning 'in progress, no barriers'",
        ], report.BulletsAfter("The actions are 'BRAG' rated:"));
        Assert.Equal(
            ["4 tasks marked blue", "1 task marked red", "2 tasks marked amber", "4 tasks marked green", "1 task not yet rated"],
            report.BulletsAfter("There are:"));
    }

    [Fact]
    public void There_are_leaves_out_the_unrated_line_when_every_action_is_rated()
    {
        var sample = SampleReports.Quarterly();
        using var report = WrittenReport.Of(sample with { Counts = new RatingCounts(25, 0, 8, 32, 0) });

        Assert.Equal(
            ["25 tasks marked blue", "0 tasks marked red", "8 tasks marked amber", "32 tasks marked green"],
            report.BulletsAfter("There are:"));
    }

    [Fact]
    public void Numbered_paragraphs_run_on_from_1_through_the_whole_main_report()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var numbered = report.NumberedParagraphs();

        Assert.True(numbered.Count > 20, $"Only {numbered.Count} numbered paragraphs.");
        Assert.Equal(Enumerable.Range(1, numbered.Count), numbered.Select(paragraph => paragraph.Number));
        Assert.Single(report.ReportParagraphs.Select(report.ListOf).Where(list => list?.Format == NumberFormatValues.Decimal).Select(list => list!.Value.List).Distinct());

        Assert.StartsWith("The Service Development Plan sets out objectives", numbered[0].Text, StringComparison.Ordinal);
        var brag = numbered.Single(paragraph => paragraph.Text == "The actions are 'BRAG' rated:").Number;
        Assert.Equal(brag + 1, numbered.Single(paragraph => paragraph.Text == "There are:").Number);
        Assert.Equal(brag + 2, numbered.Single(paragraph => paragraph.Text == "Key achievements in this review include:").Number);
        Assert.Equal(SampleReports.WithheldLeadIn, numbered[^1].Text);
    }

    [Fact]
    public void Key_achievements_list_each_newly_blue_action_with_its_ref_and_comment()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        Assert.Equal(
        [
            "Recruits a new Deputy Team Manager (1.1) – New postholder started with us on 5 July, with a handover from the current postholder.",
            "Team meeting on the law and practice of DoLS orders (2.2) – Refreshed DoLS training undertaken by managers. Learning used with current children's casework.",
        ], report.BulletsAfter("Key achievements in this review include:"));
    }

    [Fact]
    public void Key_achievements_say_so_when_no_action_was_completed()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly() with { KeyAchievements = [] });

        Assert.Contains(report.NumberedParagraphs(), paragraph => paragraph.Text == "No actions were completed in this review.");
    }

    [Fact]
    public void Areas_for_development_give_each_amber_and_red_action_a_heading_its_rating_in_words_and_its_latest_comment()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());
        var paragraphs = report.ReportParagraphs.ToList();

        var start = paragraphs.FindIndex(paragraph => WrittenReport.Text(paragraph) == "Areas for development");
        var end = paragraphs.FindIndex(paragraph => WrittenReport.Text(paragraph) == "Corporate & Strategic Implications");
        var section = paragraphs[(start + 1)..end];

        var subheadings = section.Where(paragraph => report.Style(paragraph) == "Heading3").Select(WrittenReport.Text).ToList();
        Assert.Equal(
        [
            "1.5 – Reviews, refreshes and approves the young carer offer for 2024.",
            "1.6 – Joins police and HOS for Quality Assurance to workshop PPNs.",
            "2.1 – Completes a formal request to IT to add sexuality to the person ID tab.",
        ], subheadings);

        var numbered = section.Where(paragraph => report.ListOf(paragraph)?.Format == NumberFormatValues.Decimal).Select(WrittenReport.Text).ToList();
        Assert.Equal(
        [
            "This is a red action.", SampleReports.RedComment,
            "This is an amber action.", SampleReports.AmberComment,
            "This is an amber action.", SampleReports.SecondAmberComment,
        ], numbered);
    }

    [Fact]
    public void Areas_for_development_say_so_when_nothing_is_amber_or_red()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly() with { AreasForDevelopment = [] });

        Assert.Contains(report.NumberedParagraphs(), paragraph => paragraph.Text == "No actions are rated amber or red in this review.");
    }

    [Fact]
    public void Every_implication_has_its_heading_and_an_empty_one_says_None()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());
        var paragraphs = report.ReportParagraphs.ToList();

        string After(string heading) => WrittenReport.Text(paragraphs[paragraphs.FindIndex(p => WrittenReport.Text(p) == heading) + 1]);

        Assert.Equal("No additional funds are sought.", After("Financial implications"));
        Assert.Equal("None.", After("Resource implications"));
        Assert.StartsWith("The change in immigration rules", After("Legal implications"), StringComparison.Ordinal);
        Assert.StartsWith("There is a risk to children", After("Risk implications"), StringComparison.Ordinal);
        Assert.Equal("None.", After("Equalities implications"));
        Assert.Equal("None.", After("Climate implications"));
        Assert.Equal("None.", After("Security implications"));
    }

    [Fact]
    public void Withheld_information_is_listed_under_the_Schedule_12A_paragraph_and_left_out_when_nothing_was_withheld()
    {
        using (var report = WrittenReport.Of(SampleReports.Quarterly()))
            Assert.Equal([SampleReports.WithheldItem], report.BulletsAfter(SampleReports.WithheldLeadIn));

        using (var report = WrittenReport.Of(SampleReports.Quarterly() with { Withheld = [] }))
            Assert.DoesNotContain(report.ReportParagraphs, paragraph => WrittenReport.Text(paragraph).Contains("Schedule 12A", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_ends_with_the_appendices_and_the_author_block()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        Assert.Equal([$"Appendix 1 – {SampleReports.PlanTitle}"], report.BulletsAfter("Appendices"));

        var texts = report.ReportParagraphs.Select(WrittenReport.Text).ToList();
        var name = texts.LastIndexOf("Rachel Talmage");
        Assert.Equal(["Rachel Talmage", "Head of Children's Social Care and Early Help", "T: 020 7946 0734", $"E: {SampleReports.AuthorEmail}"], texts[name..]);
        Assert.NotNull(report.ReportParagraphs[name].Descendants<Bold>().FirstOrDefault());
    }

    [Fact]
    public void The_author_block_skips_a_missing_phone_and_email()
    {
        var sample = SampleReports.Quarterly();
        using var report = WrittenReport.Of(sample with { Header = sample.Header with { AuthorPhone = null, AuthorEmail = " " } });

        var texts = report.ReportParagraphs.Select(WrittenReport.Text).ToList();
        Assert.Equal(["Rachel Talmage", "Head of Children's Social Care and Early Help"], texts[texts.LastIndexOf("Rachel Talmage")..]);
    }

    [Fact]
    public void The_appendix_is_a_landscape_A4_section_of_its_own()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var reportSection = report.Body.Elements<Paragraph>().Select(p => p.ParagraphProperties?.SectionProperties).Single(s => s is not null)!;
        var reportPage = reportSection.GetFirstChild<PageSize>()!;
        Assert.True(reportPage.Width!.Value < reportPage.Height!.Value, "The report itself should be portrait.");

        var appendixSection = report.Body.Elements<SectionProperties>().Single();
        Assert.Same(appendixSection, report.Body.LastChild);
        var page = appendixSection.GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, page.Orient!.Value);
        Assert.Equal(16838u, page.Width!.Value);
        Assert.Equal(11906u, page.Height!.Value);
        Assert.True(appendixSection.GetFirstChild<PageMargin>()!.Left!.Value <= 720, "The appendix should have narrow margins.");

        var afterBreak = report.Body.ChildElements.SkipWhile(e => e is not Paragraph { ParagraphProperties.SectionProperties: not null }).Skip(1).ToList();
        Assert.Equal($"Appendix 1 – {SampleReports.PlanTitle}", WrittenReport.Text(afterBreak[0]));
        Assert.IsType<Table>(afterBreak[1]);
    }

    [Fact]
    public void The_appendix_header_row_repeats_on_each_page_and_no_row_breaks_across_pages()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());
        var table = report.Body.Elements<Table>().Last();
        var rows = table.Elements<TableRow>().ToList();

        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(
            ["Ref", "Why?", "Who?", "Does what?", "By when?", "How will we know it has been done?", "What will be the experience of children?", "Rating", "Comments on progress"],
            rows[0].Elements<TableCell>().Select(WrittenReport.Text));
        Assert.All(rows.Skip(1), row => Assert.Null(row.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(rows, row => Assert.NotNull(row.TableRowProperties?.GetFirstChild<CantSplit>()));

        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(column => int.Parse(column.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(9, widths.Count);
        Assert.Equal(16838 - (2 * 720), widths.Sum());
        Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.TableLayout!.Type!.Value);
    }

    [Fact]
    public void The_appendix_groups_rows_under_full_width_bold_section_rows_and_keeps_continuation_rows_without_a_why()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());
        var rows = report.Body.Elements<Table>().Last().Elements<TableRow>().Skip(1).ToList();

        var sectionRows = rows.Where(row => row.Elements<TableCell>().Count() == 1).ToList();
        Assert.Equal(["Identified via colleagues in the service:", "Audit 2024 service wide recommendations", "care leavers"], sectionRows.Select(WrittenReport.Text));
        Assert.All(sectionRows, row =>
        {
            var cell = row.Elements<TableCell>().Single();
            Assert.Equal(9, cell.TableCellProperties!.GridSpan!.Val!.Value);
            Assert.NotNull(cell.TableCellProperties.Shading?.Fill);
            Assert.NotNull(cell.Descendants<Bold>().FirstOrDefault());
        });

        var continuation = rows.Single(row => WrittenReport.Text(row.Elements<TableCell>().First()) == "1.2");
        Assert.Equal("", WrittenReport.Text(continuation.Elements<TableCell>().ElementAt(1)));
        Assert.Equal(12, rows.Count - sectionRows.Count);
    }

    [Theory]
    [InlineData("1.1", "Blue", "0070C0", "FFFFFF")]
    [InlineData("1.5", "Red", "C00000", "FFFFFF")]
    [InlineData("1.6", "Amber", "FFC000", "000000")]
    [InlineData("1.2", "Green", "00B050", "000000")]
    public void A_rating_cell_shows_the_rating_name_on_its_colour(string reference, string name, string fill, string textColour)
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var cell = RatingCell(report, reference);

        Assert.Equal(name, WrittenReport.Text(cell));
        Assert.Equal(fill, cell.TableCellProperties!.Shading!.Fill!.Value);
        Assert.Equal(textColour, cell.Descendants<Color>().Single().Val!.Value);
    }

    [Fact]
    public void An_unrated_action_has_an_empty_rating_cell_without_a_fill()
    {
        using var report = WrittenReport.Of(SampleReports.Quarterly());

        var cell = RatingCell(report, "3.3");

        Assert.Equal("", WrittenReport.Text(cell));
        Assert.Null(cell.TableCellProperties?.Shading);
    }

    [Fact]
    public void Line_breaks_in_a_comment_become_breaks_and_control_characters_are_dropped()
    {
        var sample = SampleReports.Quarterly();
        var narrative = sample.Narrative with { Conclusion = "Strong momentum\u0007 this quarter.\r\nMore to do." };
        using var report = WrittenReport.Of(sample with { Narrative = narrative });

        Assert.Contains(report.NumberedParagraphs(), paragraph => paragraph.Text == "Strong momentum this quarter.\nMore to do.");
        var comment = report.Body.Elements<Table>().Last().Elements<TableRow>()
            .Single(row => WrittenReport.Text(row.Elements<TableCell>().First()) == "2.2").Elements<TableCell>().Last();
        Assert.Equal("Refreshed DoLS training undertaken by managers.\nLearning used with current children's casework.", WrittenReport.Text(comment));
    }

    [Fact]
    public void It_writes_to_a_stream_that_cannot_seek()
    {
        using var target = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(target))
            CoverReportDocx.Write(SampleReports.Quarterly(), forwardOnly);

        target.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(target, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    private static TableCell RatingCell(WrittenReport report, string reference) =>
        report.Body.Elements<Table>().Last().Elements<TableRow>()
            .Single(row => WrittenReport.Text(row.Elements<TableCell>().First()) == reference)
            .Elements<TableCell>().ElementAt(7);

    /// <summary>Like an HTTP response body: written once, front to back.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
