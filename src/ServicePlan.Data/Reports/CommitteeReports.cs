using Microsoft.EntityFrameworkCore;
using ServicePlan.Core.Plans;
using ServicePlan.Core.Privacy;
using ServicePlan.Core.Reports;
using ServicePlan.Core.Reviews;
using ServicePlan.Data.Exports;
using ServicePlan.Data.Reviews;

namespace ServicePlan.Data.Reports;

/// <summary>A report ready to write, or, for a public one, the personal data that must be dealt with first.</summary>
public sealed record ReportResult(CommitteeReport Report, IReadOnlyList<PersonalDataFlag> PersonalData)
{
    /// <summary>A public report is refused while anything in it looks like personal data.</summary>
    public bool MayPublish => !Report.Header.IsPublic || PersonalData.Count == 0;
}

/// <summary>
/// Assembles the committee cover report for a review: the figures and lists from what moved, the plan table as the
/// appendix. A public report leaves exempt actions out, says where, and is checked for personal data.
/// </summary>
public sealed class CommitteeReports(ServicePlanDbContext db, ReviewQueries reviews, PlanTables tables, Narratives narratives)
{
    /// <summary>Null when there is no such review in the organisation (any organisation when none is given).</summary>
    public async Task<ReportResult?> BuildAsync(Guid reviewId, Guid? organisationId, bool isPublic, CancellationToken ct = default)
    {
        var organisation = organisationId ?? await db.Reviews.Where(r => r.Id == reviewId)
            .Join(db.Plans, r => r.PlanId, p => p.Id, (r, p) => (Guid?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisation is null || await reviews.MovementAsync(reviewId, organisation.Value, ct) is not { } found)
            return null;

        var (review, plan, movement) = found;
        var exempt = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id && a.IsExempt)
            .Select(a => new { a.Id, a.Ref, a.ExemptParagraph }).ToListAsync(ct);
        var exemptIds = isPublic ? exempt.Select(e => e.Id).ToHashSet() : [];
        var appendix = (await tables.LoadAsync(plan.Id, organisation, ct, includeExempt: !isPublic))!;

        IReadOnlyList<ReportAction> List(IEnumerable<MovedAction> moved) =>
            moved.Where(m => !exemptIds.Contains(m.ActionId)).Select(m => new ReportAction(m.Ref, m.Section, m.Title, m.Current, m.Comment)).ToList();

        var (words, _) = await narratives.ForReviewAsync(review, plan, ct);
        var header = new ReportHeader(
            Committees: words.Committees,
            Date: review.Date,
            Subject: words.Subject,
            IsPublic: isPublic,
            ReportOf: words.ReportOf,
            AuthorName: words.AuthorName,
            AuthorTitle: words.AuthorTitle,
            AuthorPhone: words.AuthorPhone,
            AuthorEmail: words.AuthorEmail,
            PlanTitle: plan.Title,
            ReviewLabel: review.Label);

        var report = new CommitteeReport(
            header,
            words.ToReport(),
            movement.Counts,
            List(movement.NewlyBlue),
            List(movement.AmberAndRed),
            List(movement.Overdue),
            appendix,
            isPublic ? exempt.Select(e => $"Action {e.Ref} ({e.ExemptParagraph ?? "Schedule 12A"})").ToList() : []);

        var known = isPublic ? await KnownNamesAsync(plan, ct) : null;
        var flags = known is null ? [] : PersonalDataCheck.Scan(TextsToPublish(report), known with
        {
            People = known.People.Append(words.AuthorName),
            AllowedEmails = words.AuthorEmail is { } email ? [email] : [],
            AllowedPhoneNumbers = words.AuthorPhone is { } phone ? [phone] : [],
        });
        return new ReportResult(report, flags);
    }

    /// <summary>Every text the public report would print, each with where it stands so the owner can find it.</summary>
    public static IEnumerable<TextToPublish> TextsToPublish(CommitteeReport report)
    {
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
            yield return new TextToPublish(where, text);
        }

        foreach (var action in report.KeyAchievements.Concat(report.AreasForDevelopment))
        {
            yield return new TextToPublish($"Action {action.Ref} – what is done", action.Title);
            yield return new TextToPublish($"Action {action.Ref} – comment on progress", action.Comment);
        }

        foreach (var row in report.Appendix.Sections.SelectMany(s => s.Rows))
        {
            foreach (var (column, cell) in PlanTable.Columns.Zip(row.Cells))
                yield return new TextToPublish($"Appendix, action {row.Ref} – {column}", cell);
        }
    }

    /// <summary>The plan's people, the organisation, its services and the sources it names are not personal data.</summary>
    private async Task<KnownNames> KnownNamesAsync(Plan plan, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.PlanId == plan.Id).Select(p => new { p.Name, p.Initials }).ToListAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var sources = await db.Sources.AsNoTracking().Where(s => s.OrganisationId == plan.OrganisationId).Select(s => s.Title).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.OrganisationId == plan.OrganisationId).Select(u => u.DisplayName).ToListAsync(ct);
        return new KnownNames(
            people.SelectMany(p => new[] { p.Name, p.Initials }).Concat(staff).Append(Narratives.SplitOwner(plan.Owner).Name),
            sources.Append(organisation).Append(plan.Service ?? "").Where(s => s.Length > 0),
            []);
    }
}
