using System.Globalization;
using System.Text;

namespace ServicePlan.Import;

/// <summary>
/// Reads CSV and TSV as Excel opens them: one sheet, rows numbered by record (a quoted cell's line breaks do not count),
/// UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode Text"), and otherwise Windows-1252, which is what
/// Excel's plain "CSV" format writes on a UK Windows machine.
/// </summary>
internal static class DelimitedTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="delimiter">Null to take a tab if the first line has one, else a comma.</param>
    public static Workbook Read(byte[] data, string sheetName, char? delimiter, ReadLimits limits)
    {
        var text = Decode(data);
        if (LooksBinary(text))
            throw ReadMessages.NotASpreadsheet();

        var separator = delimiter ?? GuessDelimiter(text);
        var rows = new List<SheetRow>();
        var record = 0;
        long cellCount = 0;
        using var reader = new StringReader(text);
        foreach (var (_, cells) in CsvReader.ReadRows(reader, separator))
        {
            record++;
            // Trailing empty cells carry nothing, and a row of a million commas must not cost a million cells.
            var width = cells.Length;
            while (width > 0 && string.IsNullOrWhiteSpace(cells[width - 1]))
                width--;
            if (width == 0)
                continue;
            if (rows.Count == limits.MaxRows)
                throw ReadMessages.TooManyRows(sheetName, limits.MaxRows);
            cellCount += width;
            if (cellCount > limits.MaxCellsPerSheet)
                throw ReadMessages.TooManyCells(sheetName, limits.MaxCellsPerSheet);
            rows.Add(new SheetRow(record, cells.Take(width).Select(cell => ToCell(cell, limits.MaxCellChars)).ToArray()));
        }

        return new Workbook([new Sheet(sheetName, rows)]);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    private static string Decode(byte[] data)
    {
        var bytes = data.AsSpan();
        if (bytes.StartsWith(Utf16LittleEndianBom))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith(Utf16BigEndianBom))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.StartsWith(Utf8Bom))
            bytes = bytes[3..];

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    // Taken from the provider rather than registered, so reading a file changes no process-wide encoding state.
    private static Encoding Windows1252 { get; } =
        CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>
    /// Windows-1252 decodes any bytes at all, so an image or executable with a .csv name would otherwise come out as a sheet
    /// of noise: text has no NULs and hardly any control characters.
    /// </summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        if (sample.Contains('\0'))
            return true;
        var controls = 0;
        foreach (var c in sample)
        {
            if (c < ' ' && c is not ('\t' or '\r' or '\n' or '\f'))
                controls++;
        }

        return controls > sample.Length / 100;
    }

    private static char GuessDelimiter(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        return firstLine.Contains('\t') ? '\t' : ',';
    }

    /// <summary>
    /// Excel reads a number in a CSV as a number, so one is given here too (the text is kept as written): a due date typed
    /// as a serial then reads the same from CSV as from .xlsx.
    /// </summary>
    private static SheetCell ToCell(string raw, int maxChars)
    {
        if (raw.Length == 0)
            return SheetCell.Empty;
        if (raw.Length > maxChars)
            raw = raw[..maxChars];
        var text = raw.Contains('\r', StringComparison.Ordinal) ? raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : raw;
        // A NUL past the sample LooksBinary checks: no one means it, and PostgreSQL refuses to store it.
        if (text.Contains('\0', StringComparison.Ordinal))
            text = text.Replace("\0", "", StringComparison.Ordinal);
        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
        return new SheetCell { Text = text, Number = isNumber ? number : null };
    }
}
