using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

/// <summary>Each kind of file that cannot be imported gets one message that says what it is and, if there is one, the fix.</summary>
public class BadFileTests
{
    private const string NotASpreadsheet = "This file is not a spreadsheet: ServicePlan imports .xlsx, .csv and .tsv files";
    private const string Damaged = "The file looks like a spreadsheet but is damaged: ";

    private static string Refusal(byte[] bytes, string fileName) => Refusal(new MemoryStream(bytes), fileName);

    private static string Refusal(Stream stream, string fileName) =>
        Assert.Throws<SpreadsheetUnreadableException>(() => SpreadsheetReader.Read(stream, fileName)).Message;

    private static byte[] ValidWorkbook() =>
        new TestWorkbook().Sheet("Plan", s => s.Row(1, "Why?", "Who?").Row(2, "Stability", "HoS")).ToBytes();

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("The file is empty", Refusal([], "plan.xlsx"));
        Assert.Equal("The file is empty", Refusal([], "plan.csv"));
    }

    [Fact]
    public void A_pdf_is_not_a_spreadsheet()
    {
        Assert.Equal(
            "This is a PDF document, not a spreadsheet: ServicePlan imports .xlsx, .csv and .tsv files",
            Refusal(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "plan.xlsx"));
    }

    [Fact]
    public void A_png_is_not_a_spreadsheet()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        Assert.Equal("This is an image, not a spreadsheet: ServicePlan imports .xlsx, .csv and .tsv files", Refusal(png, "plan.csv"));
    }

    [Theory]
    [InlineData("plan.xlsx")]
    [InlineData("plan.csv")]
    [InlineData("plan")]
    public void Random_bytes_are_not_a_spreadsheet(string fileName)
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        Assert.Equal(NotASpreadsheet, Refusal(bytes, fileName));
    }

    [Fact]
    public void A_text_file_with_another_extension_is_not_a_spreadsheet()
    {
        Assert.Equal(NotASpreadsheet, Refusal(Encoding.UTF8.GetBytes("Dear colleague,\nplease find the plan attached.\n"), "letter.md"));
    }

    [Fact]
    public void A_word_document_is_named_as_one()
    {
        using var docx = new MemoryStream();
        using (var document = WordprocessingDocument.Create(docx, WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Plan")))));

        Assert.Equal(
            "This is a Word document, not a spreadsheet: ServicePlan imports .xlsx, .csv and .tsv files",
            Refusal(docx.ToArray(), "plan.xlsx"));
    }

    [Fact]
    public void An_opendocument_spreadsheet_is_asked_to_be_saved_as_xlsx()
    {
        var ods = Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

        Assert.Equal(
            "This is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as .xlsx",
            Refusal(ods, "plan.ods"));
    }

    [Fact]
    public void A_zip_of_other_files_is_not_a_spreadsheet()
    {
        Assert.Equal(
            "This is a zip archive, not a spreadsheet: ServicePlan imports .xlsx, .csv and .tsv files",
            Refusal(Zip(("plan.txt", "Why?")), "plan.zip"));
    }

    [Fact]
    public void A_web_page_saved_as_xls_is_asked_to_be_saved_as_xlsx()
    {
        var html = Encoding.UTF8.GetBytes("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table><tr><td>Why?</td></tr></table></body></html>");

        Assert.Equal(
            "This is a web page saved under a spreadsheet's name: open it in Excel and save it as .xlsx",
            Refusal(html, "export.xls"));
    }

    [Fact]
    public void An_excel_2003_xml_spreadsheet_is_asked_to_be_saved_as_xlsx()
    {
        var xml = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>");

        Assert.Equal("This is an Excel 2003 XML spreadsheet: open it in Excel and save it as .xlsx", Refusal(xml, "plan.xml"));
    }

    [Fact]
    public void A_binary_xlsb_workbook_is_asked_to_be_saved_as_xlsx()
    {
        var xlsb = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.bin", "binary"));

        Assert.Equal("This is a binary Excel workbook (.xlsb): open it in Excel and save it as .xlsx", Refusal(xlsb, "plan.xlsb"));
    }

    [Fact]
    public void A_truncated_xlsx_is_damaged()
    {
        var bytes = ValidWorkbook();

        Assert.Equal(
            Damaged + "it is incomplete or corrupt, perhaps cut short while being copied or downloaded",
            Refusal(bytes[..(bytes.Length / 2)], "plan.xlsx"));
    }

    [Fact]
    public void An_xlsx_with_corrupted_bytes_is_damaged()
    {
        var bytes = TestWorkbook.FromSheetXml(w =>
        {
            for (var i = 1; i <= 2000; i++)
                w.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>{i}</v></c></row>");
        });
        var entry = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        var data = bytes.AsSpan().IndexOf(entry) + entry.Length;
        for (var i = data + 100; i < data + 400; i++)
            bytes[i] ^= 0x5A;

        Assert.StartsWith(Damaged, Refusal(bytes, "plan.xlsx"));
    }

    [Fact]
    public void An_xlsx_whose_sheet_is_not_well_formed_xml_is_damaged_and_says_where()
    {
        var bytes = TestWorkbook.FromSheetXml(w => w.Write("<row r=\"1\"><c r=\"A1\"><v>1</v></row>"));

        var message = Refusal(bytes, "plan.xlsx");

        Assert.StartsWith(Damaged + "the sheet 'Sheet1' cannot be read (bad XML at line 1", message);
    }

    [Fact]
    public void A_password_protected_workbook_is_asked_to_have_its_password_removed()
    {
        var encrypted = CompoundFile("EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces");

        Assert.Equal(
            "The workbook is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again",
            Refusal(encrypted, "plan.xlsx"));
    }

    [Theory]
    [InlineData("plan.xls")]
    [InlineData("plan.xlsx")]
    public void A_legacy_xls_is_asked_to_be_saved_as_xlsx(string fileName)
    {
        var xls = CompoundFile("Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation");

        Assert.Equal("This is an old Excel 97-2003 .xls file: open it in Excel and save it as .xlsx", Refusal(xls, fileName));
    }

    [Fact]
    public void A_legacy_word_document_is_named_as_one()
    {
        Assert.Equal(
            "This is an old Word 97-2003 document, not a spreadsheet: ServicePlan imports .xlsx, .csv and .tsv files",
            Refusal(CompoundFile("WordDocument", "1Table"), "plan.doc"));
    }

    [Fact]
    public void A_file_over_20_mb_is_refused_by_its_length_before_anything_is_read()
    {
        var stream = new UnreadableStream((long)(23.4 * 1024 * 1024) - 1000);

        Assert.Equal("The file is 23.4 MB; the largest file ServicePlan imports is 20 MB", Refusal(stream, "plan.xlsx"));
    }

    [Fact]
    public void A_stream_without_a_length_is_refused_once_20_mb_have_been_read()
    {
        var stream = new BufferedStream(new EndlessStream());

        Assert.Equal("The file is more than 20 MB; the largest file ServicePlan imports is 20 MB", Refusal(stream, "plan.csv"));
    }

    [Fact]
    public void A_file_just_over_the_limit_does_not_claim_to_be_exactly_the_limit()
    {
        var stream = new UnreadableStream(SpreadsheetReader.MaxFileBytes + 1);

        Assert.Equal("The file is 20.1 MB; the largest file ServicePlan imports is 20 MB", Refusal(stream, "plan.xlsx"));
    }

    [Fact]
    public void A_missing_path_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");

        var error = Assert.Throws<SpreadsheetUnreadableException>(() => SpreadsheetReader.Read(path));

        Assert.Equal($"There is no file at {path}", error.Message);
    }

    [Fact]
    public void A_sheet_with_more_than_100000_rows_is_refused()
    {
        var bytes = TestWorkbook.FromSheetXml(w =>
        {
            for (var i = 1; i <= SpreadsheetReader.MaxRows + 1; i++)
                w.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>1</v></c></row>");
        });

        Assert.Equal("The sheet 'Sheet1' has more than 100,000 rows", Refusal(bytes, "plan.xlsx"));
    }

    [Fact]
    public void A_sheet_of_stray_cells_far_to_the_right_is_refused_before_it_fills_memory()
    {
        var bytes = TestWorkbook.FromSheetXml(w =>
        {
            for (var i = 1; i <= 10; i++)
                w.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>1</v></c><c r=\"XFD{i}\"><v>1</v></c></row>");
        });
        var limits = ReadLimits.Default with { MaxCellsPerSheet = 100_000 };

        var error = Assert.Throws<SpreadsheetUnreadableException>(() => SpreadsheetReader.Read(new MemoryStream(bytes), "plan.xlsx", limits));

        Assert.Equal("The sheet 'Sheet1' has more than 100,000 cells", error.Message);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_compression_ratio_before_it_is_unpacked()
    {
        // 24 MB of one repeated cell packs into a few tens of KB: no plan compresses a thousand to one.
        var bomb = TestWorkbook.FromSheetXml(
            w =>
            {
                var row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
                var block = string.Concat(Enumerable.Repeat(row, 20_000));
                for (var i = 0; i < 24_000_000 / block.Length; i++)
                    w.Write(block);
            },
            CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 200_000);

        Assert.Equal(
            "The file expands to more than 100 times its size when opened; it may be damaged or malicious",
            Refusal(bomb, "plan.xlsx"));
    }

    [Fact]
    public void A_file_whose_zip_directory_claims_more_than_200_mb_is_refused_before_it_is_unpacked()
    {
        var bytes = ValidWorkbook();
        SetDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 250 * 1024 * 1024);

        Assert.Equal("The file expands to more than 200 MB when opened; it may be damaged or malicious", Refusal(bytes, "plan.xlsx"));
    }

    [Fact]
    public void A_zip_directory_that_understates_a_part_is_not_trusted_to_unpack_more()
    {
        var bytes = TestWorkbook.FromSheetXml(w =>
        {
            var row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
            for (var i = 0; i < 100_000; i++)
                w.Write(row);
        });
        SetDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 1000);

        Assert.StartsWith(Damaged, Refusal(bytes, "plan.xlsx"));
    }

    [Fact]
    public void Parts_that_unpack_past_the_limit_together_are_refused()
    {
        var bytes = TestWorkbook.FromSheetXml(w =>
        {
            for (var i = 1; i <= 40_000; i++)
                w.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>{i * 7919}</v></c></row>");
        });
        var limits = ReadLimits.Default with { MaxExpandedBytes = ReadLimits.Megabyte };

        var error = Assert.Throws<SpreadsheetUnreadableException>(() => SpreadsheetReader.Read(new MemoryStream(bytes), "plan.xlsx", limits));

        Assert.Equal("The file expands to more than 1 MB when opened; it may be damaged or malicious", error.Message);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// The shape of an OLE2 compound file as far as the reader looks: the signature, then a directory of stream names in
    /// UTF-16, 128 bytes an entry. Office wraps an encrypted .xlsx in one of these; a legacy .xls is one.
    /// </summary>
    private static byte[] CompoundFile(params string[] streams)
    {
        var bytes = new byte[512 + 128 * (streams.Length + 1)];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(bytes, 512);
        for (var i = 0; i < streams.Length; i++)
            Encoding.Unicode.GetBytes(streams[i]).CopyTo(bytes, 512 + 128 * (i + 1));
        return bytes;
    }

    /// <summary>Rewrites the uncompressed size a zip records for an entry, in its local header and in the central directory.</summary>
    private static void SetDeclaredSize(byte[] zip, string entry, uint size)
    {
        var name = Encoding.ASCII.GetBytes(entry);
        var found = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22), size);
                found++;
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24), size);
                found++;
            }
        }

        Assert.Equal(2, found);
    }

    /// <summary>A stream that says how long it is and fails if anyone reads it.</summary>
    private sealed class UnreadableStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The stream was read.");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An upload that never ends and cannot tell its length.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
