using ServicePlan.Privacy;
using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>
/// The plan as the committee appendix lays it out: header block, then each section's rows in order. An objective's
/// first action carries its aim ("Why?"); the objective's further actions leave it empty, as real sheets do.
/// Exports (.xlsx, .csv) and the report appendix are written from this.
/// </summary>
public sealed record PlanTable(PlanHeader Header, IReadOnlyList<PlanTablePerson> People, IReadOnlyList<PlanTableSection> Sections)
{
    /// <summary>The column headings as the exports write them, in <see cref="PlanColumns.InTable"/> order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. PlanColumns.InTable.Select(column => column.Heading())];

    /// <summary>Whether the table may go in a public paper: exempt content withheld and checked for personal data first.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>The Schedule 12A paragraphs of the exempt content the table shows (never any when public).</summary>
    public IReadOnlyList<string> ExemptParagraphs { get; init; } = [];

    /// <summary>What a table that is not public says at its head; null for a public one.</summary>
    public string? NotForPublicationBecause => IsPublic ? null : Schedule12A.WhyNotForPublication(ExemptParagraphs);
}

/// <summary>
/// Who a plan table is for. A public paper withholds exempt content in place; a paper not for publication shows it,
/// marked, to readers who may see it, and withholds it from the rest (a committee that does not receive exempt papers).
/// </summary>
public sealed record PlanReaders(bool IsPublic, bool SeeExempt)
{
    public static PlanReaders PublicPaper { get; } = new(IsPublic: true, SeeExempt: false);

    /// <summary>Officers of the service: everything, exempt content marked as such.</summary>
    public static PlanReaders Service { get; } = new(IsPublic: false, SeeExempt: true);
}

public sealed record PlanTablePerson(string Name, string Initials, string? Role);

public sealed record PlanTableSection(string Title, IReadOnlyList<PlanTableRow> Rows);

public sealed record PlanTableRow(
    string Ref,
    string Why,
    string Who,
    string DoesWhat,
    string ByWhen,
    string Measure,
    string Experience,
    Rating Rating,
    string LatestComment)
{
    /// <summary>The cells in <see cref="PlanTable.Columns"/> order; the rating as its name, blank when not rated.</summary>
    public IReadOnlyList<string> Cells =>
        [Ref, Why, Who, DoesWhat, ByWhen, Measure, Experience, Rating == Rating.None ? "" : Rating.Name(), LatestComment];
}
