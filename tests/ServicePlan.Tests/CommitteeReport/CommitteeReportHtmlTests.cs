using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ServicePlan.CommitteeReport;

namespace ServicePlan.Tests.CommitteeReport;

public sealed class CoverReportHtmlTests
{
    private static IDocument Render(CoverReport? report = null) =>
        new HtmlParser().ParseDocument(CoverReportHtml.Render(report ?? SampleReports.Quarterly()));

    [Fact]
    public void A_script_in_a_comment_comes_out_as_text()
    {
        var html = CoverReportHtml.Render(SampleReports.Quarterly());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains(document.QuerySelectorAll(".plan td"), cell => cell.TextContent == SampleReports.ScriptPayload);
    }

    [Fact]
    public void Markup_in_the_subject_and_narrative_is_encoded_too()
    {
        var sample = SampleReports.Quarterly();
        var report = sample with
        {
            Header = sample.Header with { Subject = "Plan <b>update</b> & \"review\"" },
            Narrative = sample.Narrative with { Conclusion = "<img src=x onerror=alert(1)>" },
        };

        var document = Render(report);

        Assert.Equal("Plan <b>update</b> & \"review\"", document.Title);
        Assert.Equal("Plan <b>update</b> & \"review\"", document.QuerySelector("h1")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("main b, main img"));
        Assert.Contains(document.QuerySelectorAll("ol.numbered > li > p"), p => p.TextContent == "<img src=x onerror=alert(1)>");
    }

    [Fact]
    public void The_page_is_standalone_with_no_external_resources()
    {
        var document = Render();

        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        Assert.Empty(document.QuerySelectorAll("link, script, img, iframe, object"));
        Assert.Empty(document.QuerySelectorAll("[src]"));
        Assert.DoesNotContain("url(", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_styles_print_on_A4_with_the_appendix_on_landscape_pages()
    {
        var style = Render().QuerySelector("style")!.TextContent;

        Assert.Contains("@page { size: A4;", style, StringComparison.Ordinal);
        Assert.Contains("@page appendix { size: A4 landscape;", style, StringComparison.Ordinal);
        Assert.Contains(".appendix { margin: 2rem 1rem; page: appendix; break-before: page; }", style, StringComparison.Ordinal);
        Assert.Contains("@media print", style, StringComparison.Ordinal);
        Assert.Contains("print-color-adjust: exact", style, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_is_the_heading_and_the_header_table_follows_it()
    {
        var document = Render();

        Assert.Equal(SampleReports.Subject, document.QuerySelector("h1")!.TextContent);
        var cells = document.QuerySelectorAll("table.cover tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent).ToList()).ToList();
        Assert.Equal(["Committee(s):Achieving Excellence Board – For InformationSafeguarding and SEND Sub-Committee – For Information", "Dated:10/02/2025"], cells[0]);
        Assert.Equal([$"Subject:{SampleReports.Subject}", "Public"], cells[1]);
        Assert.StartsWith("Report of:Judith Finlay", cells[2][0], StringComparison.Ordinal);
        Assert.Equal("Report author:Rachel Talmage, Head of Children's Social Care and Early Help", cells[3][0]);
    }

    [Fact]
    public void The_sections_come_in_the_same_order_as_the_docx()
    {
        var headings = Render().QuerySelectorAll(".report h2, .report h3").Select(heading => heading.TextContent).ToList();

        Assert.Equal(
        [
            "Summary", "Recommendation", "Main Report", "Background", "Current Position", "Key achievements",
            "Impact on children and families", "Areas for development", "Corporate & Strategic Implications", "Conclusion", "Appendices",
        ], headings);
    }

    [Fact]
    public void Numbered_paragraphs_run_on_across_headings()
    {
        var lists = Render().QuerySelectorAll("ol.numbered").ToList();

        var expected = 1;
        foreach (var list in lists)
        {
            Assert.Equal(expected, int.Parse(list.GetAttribute("start")!, System.Globalization.CultureInfo.InvariantCulture));
            expected += list.Children.Count(child => child.LocalName == "li");
        }

        Assert.True(expected > 20, $"Only {expected - 1} numbered paragraphs.");
    }

    [Fact]
    public void There_are_lists_the_count_of_each_rating()
    {
        var item = Render().QuerySelectorAll("ol.numbered > li").Single(li => li.QuerySelector("p")!.TextContent == "There are:");

        Assert.Equal(
            ["4 tasks marked blue", "1 task marked red", "2 tasks marked amber", "4 tasks marked green", "1 task not yet rated"],
            item.QuerySelectorAll("ul > li").Select(li => li.TextContent));
    }

    [Fact]
    public void Areas_for_development_give_each_amber_and_red_action_with_its_comment()
    {
        var document = Render();

        Assert.Equal(
        [
            "1.5 – Reviews, refreshes and approves the young carer offer for 2024.",
            "1.6 – Joins police and HOS for Quality Assurance to workshop PPNs.",
            "2.1 – Completes a formal request to IT to add sexuality to the person ID tab.",
        ], document.QuerySelectorAll(".report h4").Select(h => h.TextContent).Where(text => text.Contains(" – ", StringComparison.Ordinal)));

        var paragraphs = document.QuerySelectorAll("ol.numbered > li > p").Select(p => p.TextContent).ToList();
        var amber = paragraphs.IndexOf(SampleReports.AmberComment);
        Assert.Equal("This is an amber action.", paragraphs[amber - 1]);
        Assert.Contains(SampleReports.SecondAmberComment, paragraphs);
        Assert.Contains(SampleReports.RedComment, paragraphs);
    }

    [Fact]
    public void The_author_block_closes_the_report()
    {
        var address = Render().QuerySelector(".report > address")!;

        Assert.Equal("Rachel Talmage", address.QuerySelector("strong")!.TextContent);
        Assert.Contains($"E: {SampleReports.AuthorEmail}", address.TextContent, StringComparison.Ordinal);
        Assert.Null(address.NextElementSibling);
    }

    [Fact]
    public void The_appendix_table_has_a_repeating_header_and_a_row_per_section_and_action()
    {
        var appendix = Render().QuerySelector("section.appendix")!;

        Assert.Equal($"Appendix 1 – {SampleReports.PlanTitle}", appendix.QuerySelector("h2")!.TextContent);
        Assert.Equal(
            ["Ref", "Why?", "Who?", "Does what?", "By when?", "How will we know it has been done?", "What will be the experience of children?", "Rating", "Comments on progress"],
            appendix.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(
            ["Identified via colleagues in the service:", "Audit 2024 service wide recommendations", "care leavers"],
            appendix.QuerySelectorAll("tbody tr.section th[colspan='9']").Select(th => th.TextContent));
        Assert.Equal(12, appendix.QuerySelectorAll("tbody tr:not(.section)").Length);
    }

    [Theory]
    [InlineData("1.1", "Blue", "rating-blue")]
    [InlineData("1.5", "Red", "rating-red")]
    [InlineData("1.6", "Amber", "rating-amber")]
    [InlineData("1.2", "Green", "rating-green")]
    public void A_rating_cell_shows_the_rating_name_on_its_colour(string reference, string name, string colourClass)
    {
        var document = Render();

        var cell = RatingCell(document, reference);

        Assert.Equal(name, cell.TextContent);
        Assert.Contains(colourClass, cell.ClassList);
        Assert.Matches($@"\.{colourClass} {{ background: #[0-9A-F]{{6}};", document.QuerySelector("style")!.TextContent);
    }

    [Fact]
    public void An_unrated_action_has_an_empty_rating_cell_without_a_colour()
    {
        var cell = RatingCell(Render(), "3.3");

        Assert.Equal("", cell.TextContent);
        Assert.Empty(cell.ClassList);
    }

    private static IElement RatingCell(IDocument document, string reference) =>
        document.QuerySelectorAll(".plan tbody tr")
            .Single(row => row.QuerySelector("td")?.TextContent == reference)
            .QuerySelectorAll("td")[7];
}
