using System.Globalization;

namespace ServicePlan.Import;

/// <summary>
/// Every reason a file cannot be read, in the user's words: these are shown as they are on the upload page and by the
/// CLI, so each says what the file is and, where there is one, what to do about it.
/// </summary>
internal static class ReadMessages
{
    private const string WhatWeImport = "ServicePlan imports .xlsx, .csv and .tsv files";

    public static SpreadsheetUnreadableException Empty() => new("The file is empty");

    public static SpreadsheetUnreadableException NotASpreadsheet() =>
        new($"This file is not a spreadsheet: {WhatWeImport}");

    /// <param name="what">What the file is, with its article: "a PDF document".</param>
    public static SpreadsheetUnreadableException NotASpreadsheet(string what) =>
        new($"This is {what}, not a spreadsheet: {WhatWeImport}");

    public static SpreadsheetUnreadableException OpenDocumentSpreadsheet() =>
        new("This is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as .xlsx");

    public static SpreadsheetUnreadableException BinaryWorkbook() =>
        new("This is a binary Excel workbook (.xlsb): open it in Excel and save it as .xlsx");

    public static SpreadsheetUnreadableException WebPage() =>
        new("This is a web page saved under a spreadsheet's name: open it in Excel and save it as .xlsx");

    public static SpreadsheetUnreadableException Excel2003Xml() =>
        new("This is an Excel 2003 XML spreadsheet: open it in Excel and save it as .xlsx");

    public static SpreadsheetUnreadableException PasswordProtected() =>
        new("The workbook is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again");

    public static SpreadsheetUnreadableException LegacyXls() =>
        new("This is an old Excel 97-2003 .xls file: open it in Excel and save it as .xlsx");

    /// <param name="bytes">The file's size, or null when it was only read as far as the limit.</param>
    public static SpreadsheetUnreadableException TooLarge(long? bytes, long maxBytes)
    {
        var limit = Megabytes(maxBytes);
        return bytes is { } size
            ? new($"The file is {Megabytes(size)} MB; the largest file ServicePlan imports is {limit} MB")
            : new($"The file is more than {limit} MB; the largest file ServicePlan imports is {limit} MB");
    }

    public static SpreadsheetUnreadableException TooManyRows(string sheet, int maxRows) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The sheet '{sheet}' has more than {maxRows:N0} rows"));

    public static SpreadsheetUnreadableException TooManyCells(string sheet, long maxCells) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The sheet '{sheet}' has more than {maxCells:N0} cells"));

    public static SpreadsheetUnreadableException ExpandsTooMuch(long maxBytes) =>
        new($"The file expands to more than {Megabytes(maxBytes)} MB when opened; it may be damaged or malicious");

    public static SpreadsheetUnreadableException ExpandsTooFast(int ratio) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The file expands to more than {ratio} times its size when opened; it may be damaged or malicious"));

    public static SpreadsheetUnreadableException Damaged(string reason) =>
        new($"The file looks like a spreadsheet but is damaged: {reason}");

    public static SpreadsheetUnreadableException NoSuchFile(string path) => new($"There is no file at {path}");

    public static SpreadsheetUnreadableException CannotOpen(string path, string reason) =>
        new($"The file {path} cannot be opened: {reason}");

    /// <summary>"20", "23.4", and never "20.0" for a file one byte over 20 MB: rounded up so it reads as over the limit.</summary>
    private static string Megabytes(long bytes)
    {
        var tenths = Math.Ceiling(bytes * 10.0 / ReadLimits.Megabyte) / 10;
        return tenths.ToString(tenths % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
    }
}
