using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

/// <summary>Sheets written as rows of cells, numbered from 1 unless a row says otherwise.</summary>
internal static class SheetBuilder
{
    public static Workbook Book(params Sheet[] sheets) => new(sheets);

    public static Sheet Sheet(string name, params object[][] rows) => Sheet(name, false, rows);

    public static Sheet Sheet(string name, bool hidden, params object[][] rows) =>
        new(name, rows.Select((cells, i) => new SheetRow(i + 1, cells.Select(ToCell).ToList())).ToList(), hidden);

    public static SheetCell Fill(string hex, string text = "") => new() { Text = text, Fill = RgbColour.Parse(hex) };

    public static SheetCell Serial(double number) => new() { Text = number.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = number };

    private static SheetCell ToCell(object value) => value switch
    {
        SheetCell cell => cell,
        string text => SheetCell.Of(text),
        null => SheetCell.Empty,
        _ => SheetCell.Of(value.ToString() ?? ""),
    };
}
