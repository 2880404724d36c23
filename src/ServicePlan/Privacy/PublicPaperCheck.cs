using Microsoft.EntityFrameworkCore;
using ServicePlan.CommitteeReport;
using ServicePlan.Database;
using ServicePlan.Plans;

namespace ServicePlan.Privacy;

/// <summary>One thing the personal-data check found in what a public paper would print, and whether the owner has dealt with it.</summary>
/// <param name="Where">Where it is printed, as the owner would look for it: "Appendix, action 2.1 – Comments on progress".</param>
/// <param name="ActionRef">The action's ref, or null for the narrative and the plan's own texts.</param>
/// <param name="Field">The field it was typed into: "Comments on progress", "Summary".</param>
/// <param name="Text">The words found.</param>
/// <param name="Resolved">True when the owner has accepted it as written for this review's papers.</param>
public sealed record PublicPaperFinding(string Where, string? ActionRef, string Field, string Text, PersonalDataKind Kind, string Message, bool Resolved)
{
    /// <summary>The kind in the words the CLI's JSON and the pages use.</summary>
    public string KindName => Kind.Words();
}

/// <summary>
/// What the check found in a plan's public papers, and the review whose "Check for personal data" page deals with
/// them (the latest one, or the one asked for); null when the plan has no review yet.
/// </summary>
public sealed record PublicPaperCheckResult(Guid PlanId, Guid? ReviewId, string? ReviewLabel, IReadOnlyList<PublicPaperFinding> Findings)
{
    public IReadOnlyList<PublicPaperFinding> Unresolved => Findings.Where(f => !f.Resolved).ToList();

    public bool MayPublish => Findings.All(f => f.Resolved);
}

/// <summary>
/// The one gate every public paper passes: the public committee report, the plan's public .xlsx and .csv, from the web
/// app and the CLI alike. A public paper is produced only when nothing it would print is flagged and unresolved.
/// </summary>
public sealed class PublicPaperChecks(ServicePlanDbContext db, CommitteeReports reports, PlanTables tables)
{
    /// <summary>
    /// The plan table for a public paper and what stops it. The public report's appendix prints the same texts, so a
    /// decision on the latest review's "Check for personal data" page covers the export too.
    /// </summary>
    public Task<(PlanTable Table, PublicPaperCheckResult Check)?> ForExportAsync(Guid planId, Guid? organisationId, CancellationToken ct = default) =>
        ForExportAsync(planId, organisationId, new ActionFilter(), ActionSort.PlanOrder, ct);

    /// <summary>
    /// The public table of the actions a filtered, sorted list shows. The check covers exactly what this table prints,
    /// so a finding in an action left out does not hold it up, and one in an action kept does.
    /// </summary>
    public async Task<(PlanTable Table, PublicPaperCheckResult Check)?> ForExportAsync(Guid planId, Guid? organisationId, ActionFilter filter, ActionSort sort, CancellationToken ct = default)
    {
        var table = await tables.LoadAsync(planId, organisationId, PlanReaders.PublicPaper, filter, sort, ct);
        if (table is null)
            return null;

        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
        var review = await LatestReviewAsync(planId, ct);
        var decisions = review is null ? [] : await db.PersonalDataDecisions.AsNoTracking().Where(d => d.ReviewId == review.Id).ToListAsync(ct);
        var texts = PublishedTexts.OfAppendix(table).ToList();
        var flags = PersonalDataCheck.Scan(texts.Select(t => t.ToPublish()), await PublicNames.ForPlanAsync(db, plan, ct));
        var findings = Findings(flags, texts, flag => decisions.Any(d => d.Covers(flag)));
        return (table, new PublicPaperCheckResult(planId, review?.Id, review?.Label, findings));
    }

    /// <summary>
    /// Everything the public report of a review (the latest when no label is given) and the public export would print.
    /// Null when there is no such plan; a review label the plan does not have is an <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<PublicPaperCheckResult?> ForPlanAsync(Guid planId, string? reviewLabel, Guid? organisationId, CancellationToken ct = default)
    {
        if (await ForExportAsync(planId, organisationId, ct) is not { } export)
            return null;

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(ct);
        var review = reviewLabel is null
            ? await LatestReviewAsync(planId, ct)
            : reviews.FirstOrDefault(r => r.Label.Equals(reviewLabel.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(reviews.Count == 0
                    ? "The plan has no reviews."
                    : $"The plan has no review called \"{reviewLabel.Trim()}\". Its reviews are: {string.Join(", ", reviews.Select(r => $"\"{r.Label}\""))}.");
        if (review is null)
            return export.Check;

        var report = (await reports.BuildAsync(review.Id, organisationId, isPublic: true, ct))!;
        var outstanding = report.PersonalData.ToHashSet();
        var inReport = Findings(report.Flags, report.Texts, flag => !outstanding.Contains(flag));

        // The report's appendix prints what the export prints; the export adds only the plan's header block.
        var exportOnly = export.Check.Findings.Where(f => !inReport.Any(r => r.Where == f.Where && r.Text == f.Text));
        return new PublicPaperCheckResult(planId, review.Id, review.Label, [.. inReport, .. exportOnly]);
    }

    private async Task<Reviews.Review?> LatestReviewAsync(Guid planId, CancellationToken ct) =>
        (await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(ct))
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).FirstOrDefault();

    private static List<PublicPaperFinding> Findings(IEnumerable<PersonalDataFlag> flags, IReadOnlyList<PublishedText> texts, Func<PersonalDataFlag, bool> resolved)
    {
        var byLocation = texts.DistinctBy(t => t.Location).ToDictionary(t => t.Location);
        return flags.Select(flag =>
        {
            var text = byLocation.GetValueOrDefault(flag.Location);
            return new PublicPaperFinding(flag.Location, text?.Ref, text?.Field ?? flag.Location, flag.Found, flag.Kind, flag.Reason, resolved(flag));
        }).ToList();
    }
}
