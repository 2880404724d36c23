using System.Text;
using ServicePlan.Export;
using ServicePlan.Plans;

namespace ServicePlan.Tests.Export;

public class CsvPlanWriterTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static byte[] Export(PlanTable plan)
    {
        using var stream = new MemoryStream();
        CsvPlanWriter.Write(plan, stream);
        return stream.ToArray();
    }

    private static string ExportText(PlanTable plan) => Encoding.UTF8.GetString(Export(plan).AsSpan(Bom.Length));

    [Fact]
    public void A_file_not_for_publication_says_so_and_why_above_the_header_row()
    {
        var text = ExportText(SamplePlans.Sample() with { IsPublic = false, ExemptParagraphs = ["Paragraph 1"] });

        var lines = text.Split("\r\n");
        Assert.Equal("NOT FOR PUBLICATION,Exempt information under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972", lines[0]);
        Assert.StartsWith("Section,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_file_starts_with_its_header_row()
    {
        var text = ExportText(SamplePlans.Sample());

        Assert.StartsWith("Section,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT FOR PUBLICATION", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Starts_with_one_UTF8_byte_order_mark_as_Excel_CSV_UTF8_does()
    {
        var bytes = Export(SamplePlans.Sample());

        Assert.Equal(Bom, bytes[..3]);
        Assert.NotEqual(Bom, bytes[3..6]);
    }

    [Fact]
    public void Text_writer_gets_the_byte_order_mark_as_its_first_character()
    {
        using var writer = new StringWriter();

        CsvPlanWriter.Write(SamplePlans.Sample(), writer);

        Assert.StartsWith("\uFEFFSection,Ref,", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_writer_that_writes_its_own_byte_order_mark_does_not_get_a_second()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
            CsvPlanWriter.Write(SamplePlans.Sample(), writer);

        var bytes = stream.ToArray();
        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal((byte)'S', bytes[3]);
    }

    [Fact]
    public void Non_ASCII_text_is_written_as_UTF8()
    {
        var plan = SamplePlans.Bare() with { Sections = [new PlanTableSection("Café – “quotes”", [])] };

        Assert.Contains("Café – “quotes”", ExportText(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_ends_with_CRLF()
    {
        var text = ExportText(SamplePlans.Sample());

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var records = Records(text);
        Assert.All(records.Take(records.Count - 1), record => Assert.EndsWith("\r\n", record, StringComparison.Ordinal));
    }

    [Fact]
    public void Header_row_is_Section_then_the_plan_columns()
    {
        var text = ExportText(SamplePlans.Sample());

        Assert.StartsWith(
            "Section,Ref,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Each_action_is_one_row_with_its_section_title_repeated_and_the_rating_as_text()
    {
        var rows = Parse(ExportText(SamplePlans.Sample()));

        Assert.Equal(
            [
                ["Identified via colleagues in the service:", "1.1", "Blue"],
                ["Identified via colleagues in the service:", "1.2", "Red"],
                ["Identified via colleagues in the service:", "1.3", "Amber"],
                ["Findings from Annual Survey of Children and Young People", "", ""],
                ["Audit 2024 service wide recommendations", "2.1", "Green"],
                ["Audit 2024 service wide recommendations", "2.2", ""],
            ],
            rows.Skip(1).Select(row => new[] { row[0], row.ElementAtOrDefault(1) ?? "", row.ElementAtOrDefault(8) ?? "" }));
        Assert.All(rows.Where(row => row.Count > 1), row => Assert.Equal(10, row.Count));
    }

    [Fact]
    public void Section_without_actions_keeps_a_row_with_only_its_title()
    {
        var rows = Parse(ExportText(SamplePlans.Sample()));

        Assert.Equal(["Findings from Annual Survey of Children and Young People"], rows.Single(row => row.Count == 1));
    }

    [Fact]
    public void Continuation_rows_leave_Why_empty()
    {
        var row = Parse(ExportText(SamplePlans.Sample())).Single(row => row.ElementAtOrDefault(1) == "1.2");

        Assert.Equal("", row[2]);
    }

    [Fact]
    public void Cells_with_commas_quotes_or_line_breaks_are_quoted_with_inner_quotes_doubled()
    {
        var text = ExportText(SamplePlans.Sample());

        Assert.Contains(",\"Advertises, interviews and recruits a new Deputy Team Manager.\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"Induction delayed: \"\"no start date\"\" yet.\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",\"Minutes of workshops available.\nSecond workshop in diary.\",", text, StringComparison.Ordinal);
        Assert.Contains(",HoS,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_back_every_cell_is_the_plan_text_apart_from_neutralised_formulas()
    {
        var plan = SamplePlans.Sample();

        var rows = Parse(ExportText(plan)).Skip(1).Where(row => row.Count > 1).ToList();

        var expected = plan.Sections.SelectMany(section => section.Rows.Select(row =>
            (IReadOnlyList<string>)[section.Title, .. row.Cells.Select(CsvPlanWriter.Neutralise)])).ToList();
        Assert.Equal(expected, rows);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")")]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    [InlineData("- item")]
    [InlineData("-5")]
    public void Cells_starting_like_a_formula_are_prefixed_with_a_single_quote(string cell)
    {
        Assert.Equal("'" + cell, CsvPlanWriter.Neutralise(cell));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Plain text")]
    [InlineData("5")]
    [InlineData(" =1+1")]
    [InlineData("a=b")]
    [InlineData("'quoted already")]
    public void Cells_that_cannot_start_a_formula_are_left_alone(string cell)
    {
        Assert.Equal(cell, CsvPlanWriter.Neutralise(cell));
    }

    [Fact]
    public void Formula_injection_is_neutralised_in_every_cell_including_section_titles_and_header_fields()
    {
        string[] attacks = ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"];
        var rows = attacks.Select(attack => new PlanTableRow(attack, attack, attack, attack, attack, attack, attack, default, attack)).ToList();
        var plan = SamplePlans.Bare() with { Sections = [new PlanTableSection("=cmd|' /C calc'!A0", rows)] };

        var parsed = Parse(ExportText(plan)).Skip(1).ToList();

        Assert.Equal(attacks.Length, parsed.Count);
        Assert.All(parsed.SelectMany(row => row).Where(cell => cell.Length > 0), cell => Assert.StartsWith("'", cell, StringComparison.Ordinal));
        Assert.Equal("'=cmd|' /C calc'!A0", parsed[0][0]);
        Assert.Equal(attacks.Select(attack => "'" + attack), parsed.Select(row => row[1]));
    }

    [Fact]
    public void Cell_starting_with_a_carriage_return_is_neutralised_and_quoted()
    {
        var plan = SamplePlans.Bare() with { Sections = [new PlanTableSection("S", [new PlanTableRow("\rx", "", "", "", "", "", "", default, "")])] };

        Assert.Contains("\r\nS,\"'\rx\",", ExportText(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_stream_open_for_the_caller()
    {
        using var stream = new MemoryStream();

        CsvPlanWriter.Write(SamplePlans.Sample(), stream);

        Assert.True(stream.CanWrite);
    }

    /// <summary>Splits into records at CRLFs outside quotes, each keeping its CRLF.</summary>
    private static List<string> Records(string text)
    {
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                records.Add(text[start..(i + 2)]);
                start = i + 2;
                i++;
            }
            else if (!quoted && text[i] is '\r' or '\n')
            {
                Assert.Fail($"Bare line break outside quotes at {i}");
            }
        }

        Assert.Equal(text.Length, start);
        return records;
    }

    /// <summary>A strict RFC 4180 parser, independent of the importer's.</summary>
    private static List<List<string>> Parse(string text) =>
        [.. Records(text).Select(record =>
        {
            var cells = new List<string>();
            var cell = new StringBuilder();
            var line = record[..^2];
            var i = 0;
            while (true)
            {
                if (i < line.Length && line[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                        }
                        else if (line[i] == '"')
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            cell.Append(line[i++]);
                        }
                    }
                }
                else
                {
                    while (i < line.Length && line[i] != ',')
                    {
                        Assert.NotEqual('"', line[i]);
                        cell.Append(line[i++]);
                    }
                }

                cells.Add(cell.ToString());
                cell.Clear();
                if (i == line.Length)
                    return cells;
                Assert.Equal(',', line[i++]);
            }
        })];
}
