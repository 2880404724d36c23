using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// The styles and list definitions of the cover report. Real named styles (Heading 1-3) rather than direct bold text,
/// so Word's navigation pane and a screen reader see the report's structure, and an officer editing the paper can
/// restyle it the council's way. Arial 11pt, as the council's templates use.
/// </summary>
internal static class DocxStylesWriter
{
    public const string Normal = "Normal";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string TableText = "TableText";
    public const string TableGrid = "TableGrid";

    /// <summary>The one list every numbered paragraph of the main report belongs to, so the numbers run on across headings.</summary>
    public const int NumberedList = 1;

    /// <summary>Bullets: level 0 under a heading or plain paragraph, level 1 under a numbered paragraph.</summary>
    public const int BulletList = 2;

    // Twentieths of a point. The number hangs in a 1 cm gutter, as in the seeds' numbered paragraphs.
    public const int NumberIndent = 567;
    private const int BulletHang = 283;

    public static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle(Normal, "Normal", isDefault: true),
        HeadingStyle(Heading1, "heading 1", outlineLevel: 0, halfPoints: 28, before: 360),
        HeadingStyle(Heading2, "heading 2", outlineLevel: 1, halfPoints: 24, before: 240),
        HeadingStyle(Heading3, "heading 3", outlineLevel: 2, halfPoints: 22, before: 200),
        TableTextStyle(),
        DefaultTableStyle(),
        TableGridStyle());

    /// <summary>Single thin black lines on every edge and between every cell: the bordered tables of the seeds.</summary>
    public static T Borders<T>() where T : OpenXmlCompositeElement, new()
    {
        var borders = new T();
        borders.Append(
            new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" });
        return borders;
    }

    public static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            Level(0, NumberFormatValues.Decimal, "%1.", left: NumberIndent, hanging: NumberIndent))
        { AbstractNumberId = 0 },
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.HybridMultilevel },
            Level(0, NumberFormatValues.Bullet, "•", left: NumberIndent, hanging: BulletHang),
            Level(1, NumberFormatValues.Bullet, "•", left: (2 * NumberIndent), hanging: BulletHang))
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = NumberedList },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });

    /// <summary>
    /// Marks the document as made for Word 2013 and later: without it Word opens the report in "Compatibility Mode"
    /// and lays out tables by Word 2007's rules.
    /// </summary>
    public static Settings Settings() => new(
        new DefaultTabStop { Val = 720 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }));

    private static Level Level(int level, NumberFormatValues format, string text, int left, int hanging) => new(
        new StartNumberingValue { Val = 1 },
        new NumberingFormat { Val = format },
        new LevelText { Val = text },
        new LevelJustification { Val = LevelJustificationValues.Left },
        new PreviousParagraphProperties(new Indentation { Left = DocxPageWriter.Twips(left), Hanging = DocxPageWriter.Twips(hanging) }),
        new NumberingSymbolRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }))
    { LevelIndex = level };

    private static Style ParagraphStyle(string id, string name, bool isDefault = false) => new(
        new StyleName { Val = name },
        new PrimaryStyle())
    { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };

    private static Style HeadingStyle(string id, string name, int outlineLevel, int halfPoints, int before) => new(
        new StyleName { Val = name },
        new BasedOn { Val = Normal },
        new NextParagraphStyle { Val = Normal },
        new UIPriority { Val = 9 },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new KeepLines(),
            new SpacingBetweenLines { Before = DocxPageWriter.Twips(before), After = "120" },
            new OutlineLevel { Val = outlineLevel }),
        new StyleRunProperties(
            new Bold(),
            new BoldComplexScript(),
            new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
    { Type = StyleValues.Paragraph, StyleId = id };

    /// <summary>Word's own default for tables, which other table styles build on: Word expects to find it.</summary>
    private static Style DefaultTableStyle() => new(
        new StyleName { Val = "Normal Table" },
        new UIPriority { Val = 99 },
        new SemiHidden(),
        new UnhideWhenUsed(),
        new StyleTableProperties(
            new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
    { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };

    private static Style TableGridStyle() => new(
        new StyleName { Val = "Table Grid" },
        new BasedOn { Val = "TableNormal" },
        new UIPriority { Val = 39 },
        new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
        new StyleTableProperties(Borders<TableBorders>()))
    { Type = StyleValues.Table, StyleId = TableGrid };

    // The appendix is dense, as the council's own landscape tables are: 8pt with a point of space around a paragraph.
    private static Style TableTextStyle() => new(
        new StyleName { Val = "Table Text" },
        new BasedOn { Val = Normal },
        new UIPriority { Val = 10 },
        new PrimaryStyle(),
        new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
        new StyleRunProperties(new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" }))
    { Type = StyleValues.Paragraph, StyleId = TableText };
}
