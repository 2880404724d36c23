using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Reviews;

namespace ServicePlan.CommitteeReport;

/// <summary>Where a published text comes from, so the owner can go and change it: the narrative, an action's own words, or a progress comment.</summary>
public enum PublishedTextKind
{
    Narrative,
    Action,
    Comment,

    /// <summary>The plan's own header and section titles, printed above the appendix table.</summary>
    Plan,
}

public sealed record PublishedTextSource(PublishedTextKind Kind, Guid? ActionId);

/// <summary>
/// A report ready to write, or, for a public one, the personal data that must be dealt with first: <see cref="PersonalData"/>
/// holds the flags nobody has accepted yet, <see cref="Accepted"/> the owner's decisions to publish as written.
/// </summary>
public sealed record ReportResult(
    Guid ReviewId,
    CoverReport Report,
    IReadOnlyList<PersonalDataFlag> PersonalData,
    IReadOnlyList<PersonalDataDecision> Accepted,
    IReadOnlyDictionary<string, PublishedTextSource> Sources)
{
    /// <summary>Everything the check found in a public report, accepted or not.</summary>
    public IReadOnlyList<PersonalDataFlag> Flags { get; init; } = [];

    /// <summary>Every text a public report prints, with where it stands.</summary>
    public IReadOnlyList<PublishedText> Texts { get; init; } = [];

    /// <summary>A public report is refused while anything in it looks like personal data that nobody has accepted.</summary>
    public bool MayPublish => !Report.Header.IsPublic || PersonalData.Count == 0;

    public PublishedTextSource SourceOf(PersonalDataFlag flag) =>
        Sources.GetValueOrDefault(flag.Location) ?? new PublishedTextSource(PublishedTextKind.Narrative, null);

    /// <summary>The flags to deal with, the same words of the same text together: one decision covers every place they are printed.</summary>
    public IReadOnlyList<IReadOnlyList<PersonalDataFlag>> ToDealWith =>
        PersonalData.GroupBy(f => (f.Found, SourceOf(f))).Select(g => (IReadOnlyList<PersonalDataFlag>)g.ToList()).ToList();
}

/// <summary>Why accepting a flag failed, in words for the owner.</summary>
public sealed class PersonalDataDecisionException(string message) : Exception(message);

/// <summary>
/// Assembles the committee cover report for a review: the figures and lists from what moved, the plan table as the
/// appendix. A public report leaves exempt actions out, says where, and is checked for personal data.
/// </summary>
public sealed class CommitteeReports(ServicePlanDbContext db, ReviewQueries reviews, PlanTables tables, Narratives narratives)
{
    /// <summary>
    /// Null when there is no such review in the organisation (any organisation when none is given). A public report,
    /// or one for readers who may not see exempt content, withholds it in place; otherwise it is shown, marked.
    /// </summary>
    public async Task<ReportResult?> BuildAsync(Guid reviewId, Guid? organisationId, bool isPublic, CancellationToken ct = default, bool seeExempt = true)
    {
        var organisation = organisationId ?? await db.Reviews.Where(r => r.Id == reviewId)
            .Join(db.Plans, r => r.PlanId, p => p.Id, (r, p) => (Guid?)p.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisation is null || await reviews.MovementAsync(reviewId, organisation.Value, ct) is not { } found)
            return null;

        var (review, plan, movement) = found;
        var withhold = isPublic || !seeExempt;
        // Removed actions too: a closed review still reports an action removed since, and must still withhold it.
        var actionIds = await db.Actions.IgnoreQueryFilters().AsNoTracking().Where(a => a.PlanId == plan.Id)
            .Select(a => new { a.Id, a.Ref, a.IsExempt, a.ExemptParagraph }).ToListAsync(ct);
        var exempt = actionIds.Where(a => a.IsExempt).ToDictionary(a => a.Id);
        var commentParagraphs = await ExemptCommentParagraphsAsync(plan.Id, ct);
        var appendix = (await tables.LoadAsync(plan.Id, organisation, new PlanReaders(isPublic, !withhold), ct))!;

        // An exempt comment is replaced, not dropped, so the committee can see that something was withheld and where.
        var withheldComments = new SortedSet<string>(StringComparer.Ordinal);
        IReadOnlyList<ReportAction> List(IEnumerable<MovedAction> moved) => moved.Where(m => !(withhold && exempt.ContainsKey(m.ActionId))).Select(m =>
        {
            var (doesWhat, comment) = (m.DoesWhat, m.Comment);
            if (exempt.TryGetValue(m.ActionId, out var action))
                doesWhat = $"{Schedule12A.Marker(action.ExemptParagraph)}: {doesWhat}";
            if (m.CommentIsExempt && withhold)
            {
                comment = Schedule12A.WithheldComment;
                withheldComments.Add(m.Ref);
            }
            else if (m.CommentIsExempt)
            {
                comment = $"{Schedule12A.Marker(commentParagraphs.GetValueOrDefault(m.ActionId))}: {comment}";
            }

            return new ReportAction(m.Ref, m.Section, doesWhat, m.Current, comment);
        }).ToList();

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
            ReviewLabel: review.Label)
        {
            ExemptParagraphs = appendix.ExemptParagraphs,
        };

        var report = new CoverReport(
            header,
            words.ToReport(),
            movement.Counts,
            List(movement.NewlyBlue),
            List(movement.AmberAndRed),
            List(movement.Overdue),
            appendix,
            []);
        if (withhold)
        {
            foreach (var row in appendix.Sections.SelectMany(s => s.Rows).Where(r => r.LatestComment == Schedule12A.WithheldComment))
                withheldComments.Add(row.Ref);
            report = report with
            {
                Withheld = exempt.Values.Select(e => $"Action {e.Ref} ({e.ExemptParagraph ?? "Schedule 12A"})")
                    .Concat(actionIds.Where(a => withheldComments.Contains(a.Ref))
                        .Select(a => $"A comment on progress for action {a.Ref} ({commentParagraphs.GetValueOrDefault(a.Id) ?? "Schedule 12A"})"))
                    .ToList(),
            };
        }

        if (!isPublic)
            return new ReportResult(review.Id, report, [], [], new Dictionary<string, PublishedTextSource>());

        var known = await PublicNames.ForPlanAsync(db, plan, ct);
        var texts = PublishedTexts.Of(report).ToList();
        var flags = PersonalDataCheck.Scan(texts.Select(t => t.ToPublish()), known with
        {
            People = known.People.Append(words.AuthorName),
            AllowedEmails = words.AuthorEmail is { } email ? [email] : [],
            AllowedPhoneNumbers = words.AuthorPhone is { } phone ? [phone] : [],
        });
        var decisions = await db.PersonalDataDecisions.AsNoTracking().Where(d => d.ReviewId == review.Id)
            .OrderBy(d => d.DecidedAtUtc).ToListAsync(ct);
        var idsByRef = actionIds.GroupBy(a => a.Ref).ToDictionary(g => g.Key, g => g.First().Id);
        var sources = texts.DistinctBy(s => s.Location).ToDictionary(
            s => s.Location, s => s.Source with { ActionId = s.Ref is null ? null : idsByRef.GetValueOrDefault(s.Ref) });
        var accepted = decisions.Where(d => flags.Any(d.Covers)).ToList();
        return new ReportResult(review.Id, report, PersonalDataDecision.Outstanding(flags, decisions), accepted, sources)
        {
            Flags = flags,
            Texts = texts,
        };
    }

    /// <summary>
    /// Records the owner's decision that a flag in the review's public report may be published as written, wherever the
    /// same words of the same text are printed. The flag must still be in the report; accepting one already accepted
    /// changes nothing. Two owners accepting at once may race: the unique index keeps one decision per place.
    /// </summary>
    public async Task AcceptAsync(Guid reviewId, Guid? organisationId, string location, string found, string reason, string decidedBy, string? userId, DateTime nowUtc, CancellationToken ct = default)
    {
        reason = reason.Trim();
        if (reason.Length == 0)
            throw new PersonalDataDecisionException("Enter why this can be published as written");
        if (reason.Length > FieldLengths.PersonalDataReason)
            throw new PersonalDataDecisionException($"The reason must be {FieldLengths.PersonalDataReason} characters or fewer");

        var result = await BuildAsync(reviewId, organisationId, isPublic: true, ct)
            ?? throw new PersonalDataDecisionException("There is no such review");
        var flag = result.PersonalData.FirstOrDefault(f => f.Location == location && f.Found == found);
        if (flag is null)
        {
            if (result.Accepted.Any(d => d.Location == location && d.Found == found))
                return;
            throw new PersonalDataDecisionException("That text is no longer in the report: it may have been edited or marked exempt");
        }

        // The same words in the same text are printed in more than one place (an area for development and the
        // appendix): one decision covers them all, as the owner would expect.
        var source = result.SourceOf(flag);
        foreach (var same in result.PersonalData.Where(f => f.Found == flag.Found && result.SourceOf(f) == source).DistinctBy(f => f.Location))
        {
            db.PersonalDataDecisions.Add(new PersonalDataDecision
            {
                ReviewId = reviewId,
                Location = same.Location,
                Found = same.Found,
                Reason = reason,
                DecidedBy = decidedBy,
                DecidedByUserId = userId,
                DecidedAtUtc = nowUtc,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new PersonalDataDecisionException("Someone else decided on this at the same time: reload the page to see their decision");
        }
    }

    private async Task<Dictionary<Guid, string?>> ExemptCommentParagraphsAsync(Guid planId, CancellationToken ct) =>
        (await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.IsExempt && db.Actions.IgnoreQueryFilters().Any(a => a.Id == u.ActionId && a.PlanId == planId))
            .OrderBy(u => u.RecordedAtUtc)
            .Select(u => new { u.ActionId, u.ExemptParagraph })
            .ToListAsync(ct))
        .GroupBy(u => u.ActionId).ToDictionary(g => g.Key, g => g.Last().ExemptParagraph);
}
