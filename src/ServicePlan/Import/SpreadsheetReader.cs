using System.Text;

namespace ServicePlan.Import;

/// <summary>
/// Turns an uploaded or named file into a <see cref="Workbook"/>: .xlsx (recognised by its content, whatever its name),
/// .csv, .tsv and .txt. Anything else, and any file too big, damaged or hostile, is refused with one
/// <see cref="SpreadsheetUnreadableException"/> whose message says why in the user's terms; nothing is returned in part.
/// Blank rows (no text and no fill) are left out of every sheet; the rows kept have the numbers the user sees.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;

    private static ReadOnlySpan<byte> ZipMagic => "PK\x03\x04"u8;
    private static ReadOnlySpan<byte> EmptyZipMagic => "PK\x05\x06"u8;
    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <param name="fileName">Only its extension is used, to tell CSV from TSV, and its name becomes a CSV's sheet name.</param>
    public static Workbook Read(Stream content, string fileName) => Read(content, fileName, ReadLimits.Default);

    public static Workbook Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ReadMessages.NoSuchFile(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw ReadMessages.CannotOpen(path, e.Message);
        }

        using (file)
            return Read(file, Path.GetFileName(path));
    }

    internal static Workbook Read(Stream content, string fileName, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var data = ReadAtMost(content, limits.MaxFileBytes);
        return ReadContent(data, fileName, limits);
    }

    /// <summary>
    /// The whole file in memory, which is bounded by the size limit and lets the format be sniffed and the zip reader seek.
    /// A stream that knows its length is refused before a byte is read.
    /// </summary>
    private static byte[] ReadAtMost(Stream content, long maxBytes)
    {
        long? known = null;
        if (content.CanSeek)
        {
            known = Math.Max(0, content.Length - content.Position);
            if (known > maxBytes)
                throw ReadMessages.TooLarge(known, maxBytes);
        }

        using var buffer = new MemoryStream(known is { } size ? (int)size : 81_920);
        var chunk = new byte[81_920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw ReadMessages.TooLarge(null, maxBytes);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Workbook ReadContent(byte[] data, string fileName, ReadLimits limits)
    {
        if (data.Length == 0)
            throw ReadMessages.Empty();

        var bytes = data.AsSpan();
        if (bytes.StartsWith(ZipMagic) || bytes.StartsWith(EmptyZipMagic))
            return XlsxReader.Read(data, limits);

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.StartsWith(Ole2Magic))
            throw Ole2Refusal(bytes, extension);
        if (bytes.StartsWith("%PDF"u8))
            throw ReadMessages.NotASpreadsheet("a PDF document");
        if (IsImage(bytes))
            throw ReadMessages.NotASpreadsheet("an image");
        if (bytes.StartsWith(@"{\rtf"u8))
            throw ReadMessages.NotASpreadsheet("a Word document");

        switch (extension)
        {
            case ".csv":
                return DelimitedTextReader.Read(data, SheetName(fileName), ',', limits);
            case ".tsv" or ".tab":
                return DelimitedTextReader.Read(data, SheetName(fileName), '\t', limits);
            case ".txt":
                // Excel's "Text (Tab delimited)" and "Unicode Text" both save as .txt, so the content decides.
                return DelimitedTextReader.Read(data, SheetName(fileName), null, limits);
        }

        // Systems that "export to Excel" often write HTML or Excel 2003 XML under an .xls name: name the fix, not just the fault.
        var start = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]).ToLowerInvariant();
        if (start.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.Ordinal) && !start.Contains("<html", StringComparison.Ordinal))
            throw ReadMessages.Excel2003Xml();
        if (start.Contains("<html", StringComparison.Ordinal) || start.Contains("<!doctype html", StringComparison.Ordinal))
            throw ReadMessages.WebPage();
        throw ReadMessages.NotASpreadsheet();
    }

    /// <summary>
    /// An OLE2 compound file is what Office wrote before 2007, and also the wrapper Office puts around an encrypted .xlsx.
    /// Its streams are named in UTF-16 in its directory, so finding a name is enough to tell which it is.
    /// </summary>
    private static SpreadsheetUnreadableException Ole2Refusal(ReadOnlySpan<byte> bytes, string extension)
    {
        static bool HasStream(ReadOnlySpan<byte> bytes, string name) => bytes.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;

        if (HasStream(bytes, "EncryptionInfo"))
            return ReadMessages.PasswordProtected();
        if (HasStream(bytes, "Workbook") || HasStream(bytes, "Book") || extension == ".xls")
            return ReadMessages.LegacyXls();
        if (HasStream(bytes, "WordDocument"))
            return ReadMessages.NotASpreadsheet("an old Word 97-2003 document");
        if (HasStream(bytes, "PowerPoint Document"))
            return ReadMessages.NotASpreadsheet("an old PowerPoint 97-2003 presentation");
        return ReadMessages.NotASpreadsheet();
    }

    private static bool IsImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngMagic)
        || bytes.StartsWith(JpegMagic)
        || bytes.StartsWith("GIF8"u8)
        || bytes.StartsWith("BM"u8) && bytes.Length > 14 && bytes[6] == 0 && bytes[7] == 0 && bytes[8] == 0 && bytes[9] == 0
        || bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)
        || bytes.StartsWith("RIFF"u8) && bytes.Length > 12 && bytes[8..12].SequenceEqual("WEBP"u8);

    /// <summary>Excel names a CSV file's only sheet after the file, so messages about "the sheet" match what the user saw.</summary>
    private static string SheetName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return string.IsNullOrWhiteSpace(name) ? "Sheet1" : name;
    }
}
