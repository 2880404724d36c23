using ServicePlan.Plans;
using ServicePlan.Privacy;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// One text a public paper prints: where it stands in words the owner recognises, the action it belongs to (if any),
/// the field it comes from, and where to go to change it.
/// </summary>
public sealed record PublishedText(string Location, string Text, PublishedTextSource Source, string? Ref, string Field)
{
    public TextToPublish ToPublish() => new(Location, Text);
}

/// <summary>
/// Every text a public paper prints, exactly as printed, so the personal-data check reads what readers will read. The
/// public report and the public export print the same appendix, so they share its texts and its decisions.
/// </summary>
public static class PublishedTexts
{
    private static readonly PublishedTextSource NarrativeText = new(PublishedTextKind.Narrative, null);
    private static readonly PublishedTextSource ActionText = new(PublishedTextKind.Action, null);
    private static readonly PublishedTextSource CommentText = new(PublishedTextKind.Comment, null);
    private static readonly PublishedTextSource PlanText = new(PublishedTextKind.Plan, null);

    public static IEnumerable<PublishedText> Of(CoverReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var n = report.Narrative;
        foreach (var (where, text) in new[]
        {
            ("Summary", n.Summary), ("Background", n.Background), ("Impact on children and families", n.ImpactOnChildren),
            ("Corporate and strategic implications", n.CorporateAndStrategic), ("Financial implications", n.Financial),
            ("Resource implications", n.Resource), ("Legal implications", n.Legal), ("Risk implications", n.Risk),
            ("Equalities implications", n.Equalities), ("Climate implications", n.Climate), ("Security implications", n.Security),
            ("Conclusion", n.Conclusion),
        })
        {
            yield return new PublishedText(where, text, NarrativeText, null, where);
        }

        // An overdue action may also be an area for development: its texts are the same, so they are checked once.
        foreach (var action in report.KeyAchievements.Concat(report.AreasForDevelopment).Concat(report.Overdue).DistinctBy(a => a.Ref))
        {
            yield return new PublishedText($"Action {action.Ref} – what is done", action.DoesWhat, ActionText, action.Ref, "What is done");
            yield return new PublishedText($"Action {action.Ref} – comment on progress", action.Comment, CommentText, action.Ref, "Comment on progress");
        }

        foreach (var text in OfAppendix(report.Appendix))
            yield return text;
    }

    /// <summary>The plan table as the appendix and the exports print it: the plan's header, section titles and every cell.</summary>
    public static IEnumerable<PublishedText> OfAppendix(PlanTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (field, text) in new[]
        {
            ("Title", table.Header.Title), ("Service", table.Header.Service), ("Owner", table.Header.Owner), ("Monitoring board", table.Header.MonitoringBoard),
            ("Relevant strategies", table.Header.RelevantStrategies), ("Aims", table.Header.Aims), ("Created with ideas from", table.Header.CreatedWithIdeasFrom),
        })
        {
            if (!string.IsNullOrWhiteSpace(text))
                yield return new PublishedText($"Plan – {field.ToLowerInvariant()}", text, PlanText, null, field);
        }

        foreach (var section in table.Sections)
        {
            yield return new PublishedText($"Section \"{section.Title}\" – title", section.Title, PlanText, null, "Section title");
            foreach (var row in section.Rows)
            {
                foreach (var (column, cell) in PlanTable.Columns.Zip(row.Cells))
                {
                    var source = column == PlanColumn.Comments.Heading() ? CommentText : ActionText;
                    yield return new PublishedText($"Appendix, action {row.Ref} – {column}", cell, source, row.Ref, column);
                }
            }
        }
    }
}
