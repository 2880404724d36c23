using System.Globalization;
using System.Text.RegularExpressions;
using ServicePlan.Export;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Progress;

namespace ServicePlan.CommitteeReport;

/// <summary>A piece of the cover report's text, before it is given a format.</summary>
internal abstract record ReportBlock;

/// <summary>Level 1 for Summary, Recommendation and Main Report; 2 for the main report's parts; 3 below those.</summary>
internal sealed record ReportHeading(int Level, string Text) : ReportBlock;

/// <summary>A paragraph outside the numbered main report (Summary, the Recommendation's lead-in).</summary>
internal sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A numbered paragraph of the main report, with the bullets that belong to it (as "There are:" has).</summary>
internal sealed record ReportNumbered(string Text, IReadOnlyList<string> Bullets) : ReportBlock;

/// <summary>Bullets that follow an unnumbered paragraph or a heading (the recommendation, the appendices).</summary>
internal sealed record ReportBullets(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>The closing contact block: the author's name in bold, then title, phone and e-mail on their own lines.</summary>
internal sealed record ReportAuthor(string Name, IReadOnlyList<string> Lines) : ReportBlock;

/// <summary>A cell of the header table: a bold label (if any) over its value.</summary>
internal sealed record ReportHeaderCell(string? Label, string Value);

/// <summary>
/// The words of the committee cover report and their order, the same for the .docx and the html page, so the two
/// formats cannot drift apart: each format only decides how a heading, a numbered paragraph or a bullet looks.
/// One small method per part of the council template, in the template's order.
/// </summary>
internal static partial class ReportContentWriter
{
    public const string WithheldLeadIn =
        "Exempt information has been withheld from this public report under Schedule 12A of the Local Government Act 1972:";

    /// <summary>The appendix columns, in <see cref="PlanColumns.InTable"/> order, by the names the screens use.</summary>
    public static IReadOnlyList<string> AppendixColumns { get; } = [.. PlanColumns.InTable.Select(column => column.Name())];

    public static readonly int RatingColumn = PlanColumn.Rating.IndexInTable();

    public static IReadOnlyList<ReportBlock> MainText(CoverReport report) =>
    [
        .. NotForPublication(report.Header),
        .. Summary(report.Narrative),
        .. Recommendation(report.Narrative),
        new ReportHeading(1, "Main Report"),
        .. Background(report.Narrative),
        .. CurrentPosition(report),
        .. KeyAchievements(report.KeyAchievements),
        .. ImpactOnChildren(report.Narrative),
        .. AreasForDevelopment(report.AreasForDevelopment),
        .. Implications(report.Narrative),
        .. Conclusion(report.Narrative),
        .. WithheldInformation(report.Withheld),
        .. Appendices(report),
        Author(report.Header),
    ];

    private static IEnumerable<ReportBlock> NotForPublication(ReportHeader header)
    {
        if (!header.IsPublic)
            yield return new ReportParagraph(Schedule12A.NotForPublication);
    }

    /// <summary>The header table's rows, left cell and right cell, as in seed 001.</summary>
    public static IReadOnlyList<(ReportHeaderCell Left, ReportHeaderCell Right)> HeaderRows(ReportHeader header)
    {
        var author = string.IsNullOrWhiteSpace(header.AuthorTitle)
            ? Clean(header.AuthorName)
            : $"{Clean(header.AuthorName)}, {Clean(header.AuthorTitle)}";
        return
        [
            (new("Committee(s):", Clean(header.Committees)), new("Dated:", FormatDate(header.Date))),
            (new("Subject:", Clean(header.Subject)), new(null, header.IsPublic ? "Public" : header.ExemptParagraphs.Count == 0 ? "Non-public" : $"Non-public: {Schedule12A.WhyNotForPublication(header.ExemptParagraphs)}")),
            (new("Report of:", Clean(header.ReportOf)), new(null, "")),
            (new("Report author:", author), new(null, "")),
        ];
    }

    public static string AppendixTitle(ReportHeader header) => $"Appendix 1 – {Clean(header.PlanTitle)}";

    /// <summary>The fill and text colour of a rating cell: white on blue and red, black on amber and green, as the xlsx export.</summary>
    public static (string Fill, string Text)? RatingColours(Rating rating) => rating switch
    {
        Rating.Blue => ("0070C0", "FFFFFF"),
        Rating.Red => ("C00000", "FFFFFF"),
        Rating.Amber => ("FFC000", "000000"),
        Rating.Green => ("00B050", "000000"),
        _ => null,
    };

    /// <summary>A rating as the appendix writes it; blank when not rated, as the council's sheets leave it.</summary>
    public static string RatingText(Rating rating) => rating == Rating.None ? "" : rating.Name();

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<ReportBlock> Summary(ReportNarrative narrative) =>
        [new ReportHeading(1, "Summary"), .. Paragraphs(narrative.Summary).Select(text => new ReportParagraph(text))];

    private static IEnumerable<ReportBlock> Recommendation(ReportNarrative narrative)
    {
        var recommendations = Paragraphs(narrative.Recommendation);
        if (recommendations.Count == 0)
            recommendations = [ReportNarrative.DefaultRecommendation];

        // The template already says "Members are asked to:", so the default "Members are asked to note the report."
        // becomes the bullet "Note the report.", as in seeds 003 and 004.
        var bullets = recommendations
            .Select(text => RecommendationLeadIn().Replace(text, ""))
            .Where(text => text.Length > 0)
            .Select(text => char.ToUpperInvariant(text[0]) + text[1..])
            .ToList();

        return [new ReportHeading(1, "Recommendation"), new ReportParagraph("Members are asked to:"), new ReportBullets(bullets)];
    }

    private static IEnumerable<ReportBlock> Background(ReportNarrative narrative) =>
        [new ReportHeading(2, "Background"), .. Numbered(narrative.Background)];

    /// <summary>The BRAG key and the counts, worded as seed 001 words them.</summary>
    private static IEnumerable<ReportBlock> CurrentPosition(CoverReport report)
    {
        var key = Ratings.All.Select(rating => $"{rating.Name().ToLowerInvariant()} meaning '{rating.Meaning()}'").ToList();

        var counts = Ratings.All.Select(rating => Tasks(report.Counts[rating], $"marked {rating.Name().ToLowerInvariant()}")).ToList();
        if (report.Counts.Unrated > 0)
            counts.Add(Tasks(report.Counts.Unrated, "not yet rated"));

        return
        [
            new ReportHeading(2, "Current Position"),
            new ReportNumbered("The actions are 'BRAG' rated:", key),
            new ReportNumbered("There are:", counts),
        ];

        static string Tasks(int count, string what) =>
            string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "task" : "tasks")} {what}");
    }

    private static IEnumerable<ReportBlock> KeyAchievements(IReadOnlyList<ReportAction> achievements)
    {
        ReportBlock body = achievements.Count == 0
            ? new ReportNumbered("No actions were completed in this review.", [])
            : new ReportNumbered("Key achievements in this review include:", [.. achievements.Select(Achievement)]);
        return [new ReportHeading(2, "Key achievements"), body];

        // "Title (ref) – comment": the ref lets a member find the row in the appendix.
        static string Achievement(ReportAction action)
        {
            var title = Clean(action.DoesWhat).TrimEnd('.', ' ');
            var reference = Clean(action.Ref).Trim();
            var comment = Clean(action.Comment).Trim();
            var text = reference.Length == 0 ? title : $"{title} ({reference})";
            return comment.Length == 0 ? text : $"{text} – {comment}";
        }
    }

    private static IEnumerable<ReportBlock> ImpactOnChildren(ReportNarrative narrative) =>
        [new ReportHeading(2, "Impact on children and families"), .. Numbered(narrative.ImpactOnChildren)];

    /// <summary>Each amber and red action under its own sub-heading, its rating said in words, then its latest comment.</summary>
    private static IEnumerable<ReportBlock> AreasForDevelopment(IReadOnlyList<ReportAction> areas)
    {
        var blocks = new List<ReportBlock> { new ReportHeading(2, "Areas for development") };
        if (areas.Count == 0)
        {
            blocks.Add(new ReportNumbered("No actions are rated amber or red in this review.", []));
            return blocks;
        }

        foreach (var area in areas)
        {
            var reference = Clean(area.Ref).Trim();
            var title = Clean(area.DoesWhat).Trim();
            blocks.Add(new ReportHeading(3, reference.Length == 0 ? title : $"{reference} – {title}"));
            blocks.Add(new ReportNumbered(RatingSentence(area.Rating), []));

            var comment = Numbered(area.Comment);
            blocks.AddRange(comment.Count > 0 ? comment : [new ReportNumbered("No comment on progress was given in this review.", [])]);
        }

        return blocks;

        static string RatingSentence(Rating rating) => rating switch
        {
            Rating.None => "This action has not been rated.",
            Rating.Amber => "This is an amber action.",
            _ => $"This is a {rating.Name().ToLowerInvariant()} action.",
        };
    }

    private static IEnumerable<ReportBlock> Implications(ReportNarrative narrative)
    {
        var blocks = new List<ReportBlock> { new ReportHeading(2, "Corporate & Strategic Implications") };
        blocks.AddRange(Numbered(narrative.CorporateAndStrategic));

        (string Heading, string Text)[] implications =
        [
            ("Financial implications", narrative.Financial),
            ("Resource implications", narrative.Resource),
            ("Legal implications", narrative.Legal),
            ("Risk implications", narrative.Risk),
            ("Equalities implications", narrative.Equalities),
            ("Climate implications", narrative.Climate),
            ("Security implications", narrative.Security),
        ];

        foreach (var (heading, text) in implications)
        {
            blocks.Add(new ReportHeading(3, heading));
            var paragraphs = Numbered(text);
            // The template keeps every heading; the seeds answer an implication that does not apply with "none".
            blocks.AddRange(paragraphs.Count > 0 ? paragraphs : [new ReportNumbered("None.", [])]);
        }

        return blocks;
    }

    private static IEnumerable<ReportBlock> Conclusion(ReportNarrative narrative) =>
        [new ReportHeading(2, "Conclusion"), .. Numbered(narrative.Conclusion)];

    /// <summary>Says where something was left out of a public paper, as the Act requires, without saying what it was.</summary>
    private static IEnumerable<ReportBlock> WithheldInformation(IReadOnlyList<string> withheld)
    {
        var items = withheld.Select(Clean).Select(item => item.Trim()).Where(item => item.Length > 0).ToList();
        return items.Count == 0 ? [] : [new ReportNumbered(WithheldLeadIn, items)];
    }

    private static IEnumerable<ReportBlock> Appendices(CoverReport report)
    {
        var appendices = report.Narrative.Appendices.Select(Clean).Select(item => item.Trim()).Where(item => item.Length > 0).ToList();

        // The plan table is always attached, so the list must name it even when the owner left the list empty.
        if (appendices.Count == 0)
            appendices.Add(AppendixTitle(report.Header));

        return [new ReportHeading(2, "Appendices"), new ReportBullets(appendices)];
    }

    private static ReportAuthor Author(ReportHeader header)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(header.AuthorTitle))
            lines.Add(Clean(header.AuthorTitle).Trim());
        if (!string.IsNullOrWhiteSpace(header.AuthorPhone))
            lines.Add($"T: {Clean(header.AuthorPhone).Trim()}");
        if (!string.IsNullOrWhiteSpace(header.AuthorEmail))
            lines.Add($"E: {Clean(header.AuthorEmail).Trim()}");
        return new ReportAuthor(Clean(header.AuthorName).Trim(), lines);
    }

    private static List<ReportBlock> Numbered(string? text) =>
        [.. Paragraphs(text).Select(paragraph => new ReportNumbered(paragraph, []))];

    /// <summary>The owner's text split where a blank line separates paragraphs; single line breaks stay inside a paragraph.</summary>
    public static List<string> Paragraphs(string? text) =>
        [.. BlankLine().Split(Clean(text)).Select(paragraph => paragraph.Trim()).Where(paragraph => paragraph.Length > 0)];

    /// <summary>Text as both formats can carry it; a tab becomes a space, as Word would show it in running text.</summary>
    public static string Clean(string? text) => OpenXmlText.Clean(text, tabsAsSpaces: true);

    [GeneratedRegex(@"\n[ \u00A0]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^members\s+are\s+asked\s+to\b:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationLeadIn();
}
