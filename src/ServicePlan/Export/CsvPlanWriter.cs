using System.Text;
using ServicePlan.Plans;
using ServicePlan.Privacy;

namespace ServicePlan.Export;

/// <summary>
/// Writes a plan as a plain table, as Excel saves "CSV UTF-8": a Section column then the plan's columns, one row per
/// action. Every cell is neutralised against formula injection, since whoever opens the file may open it in Excel.
/// </summary>
public static class CsvPlanWriter
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    // OWASP's CSV injection list: each makes Excel or LibreOffice read the cell as a formula (or as the start of one
    // once a leading tab or carriage return is stripped).
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>Writes the CSV, byte order mark included, to a stream, which is left open.</summary>
    public static void Write(PlanTable plan, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, Utf8WithoutBom, bufferSize: 64 * 1024, leaveOpen: true);
        Write(plan, writer);
    }

    /// <summary>
    /// Writes the CSV to a text writer. The byte order mark is written as U+FEFF unless the writer is a
    /// <see cref="StreamWriter"/> whose encoding writes one itself; either way the file starts with exactly one.
    /// </summary>
    public static void Write(PlanTable plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);

        // Without the mark Excel reads the file as the machine's ANSI code page and mangles every non-ASCII character.
        if (output is not StreamWriter { Encoding.Preamble.Length: > 0 })
            output.Write('\uFEFF');

        // Above the header row, which the importer finds by its headings, so the file still reads back.
        if (plan.NotForPublicationBecause is { } why)
            WriteRow(output, [Schedule12A.NotForPublication, why]);

        WriteRow(output, ["Section", .. PlanTable.Columns]);
        foreach (var section in plan.Sections)
        {
            // A section with no actions keeps a row of its own, the title alone in the first cell, which the importer
            // reads as a heading; otherwise it would vanish on the way back in.
            if (section.Rows.Count == 0)
                WriteRow(output, [section.Title]);

            foreach (var row in section.Rows)
                WriteRow(output, [section.Title, .. row.Cells]);
        }

        output.Flush();
    }

    /// <summary>
    /// Prefixes a single quote to a cell that a spreadsheet would run as a formula, as OWASP advises. This includes
    /// harmless text such as "- item" and "-5": telling them apart from an attack is not worth the risk.
    /// </summary>
    public static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && Array.IndexOf(FormulaStarts, cell[0]) >= 0 ? "'" + cell : cell;
    }

    /// <summary>One CSV record, every cell neutralised and quoted as needed: for any CSV the app writes.</summary>
    public static void WriteRow(TextWriter output, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                output.Write(',');
            WriteCell(output, Neutralise(cells[i] ?? ""));
        }

        // RFC 4180 and Excel both end records with CRLF, whatever the platform's newline.
        output.Write("\r\n");
    }

    private static void WriteCell(TextWriter output, string cell)
    {
        if (cell.IndexOfAny(NeedsQuotes) < 0)
        {
            output.Write(cell);
            return;
        }

        output.Write('"');
        output.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }
}
