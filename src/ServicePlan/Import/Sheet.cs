using System.Globalization;

namespace ServicePlan.Import;

/// <summary>A spreadsheet as read from a file: its sheets in workbook order. CSV and TSV files have one sheet.</summary>
public sealed record Workbook(IReadOnlyList<Sheet> Sheets);

/// <summary>
/// One sheet: its rows with 1-based numbers as the user sees them (the row number in Excel; the record number in a CSV).
/// Rows that are entirely empty may be missing; a row's cells are indexed by column (A = 0) with empty cells filled in.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetRow> Rows, bool Hidden = false);

public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    public SheetCell this[int column] => column < Cells.Count ? Cells[column] : SheetCell.Empty;

    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>
/// One cell. <see cref="Text"/> is what the user sees: shared strings resolved, a formula's cached value, a date cell as
/// yyyy-MM-dd. <see cref="Number"/> is set for numeric cells (dates included, as Excel serials). <see cref="Fill"/> is the
/// cell's solid fill resolved to RGB (theme and indexed colours included), or null.
/// </summary>
public sealed record SheetCell
{
    public static SheetCell Empty { get; } = new();

    public string Text { get; init; } = "";
    public double? Number { get; init; }
    public bool IsDate { get; init; }
    public RgbColour? Fill { get; init; }

    /// <summary>True when the value was copied down from the top of a merged range rather than written in this cell.</summary>
    public bool FromMerge { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && Fill is null;

    public static SheetCell Of(string text) => new() { Text = text };
}

/// <summary>A colour as red, green and blue bytes.</summary>
public readonly record struct RgbColour(byte R, byte G, byte B)
{
    /// <summary>Reads "#0070C0", "0070C0" or Excel's ARGB "FF0070C0".</summary>
    public static RgbColour Parse(string hex)
    {
        var digits = hex.Trim().TrimStart('#');
        if (digits.Length == 8)
            digits = digits[2..];
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"\"{hex}\" is not a colour.");
        return new RgbColour((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}

/// <summary>The file cannot be read as a spreadsheet at all (exit code 2): the message says why in the user's terms.</summary>
public sealed class SpreadsheetUnreadableException(string message) : Exception(message);
