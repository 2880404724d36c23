using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Audit;
using ServicePlan.CommitteeReport;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Progress;

namespace ServicePlan.Redaction;

/// <summary>Who redacts: a plan owner or admin of the organisation, named in the marker and the trail.</summary>
public sealed record Redactor(string? UserId, string Name, Guid OrganisationId);

/// <summary>The text to be redacted, as the confirmation page shows it.</summary>
/// <param name="What">What the text is, in the trail's words: "Comment on action 2.1".</param>
/// <param name="Detail">Who wrote it and when, for a comment.</param>
public sealed record RedactionSubject(RedactionTarget Target, string What, string Text, Guid PlanId, Guid? ActionId, Guid? ReviewId, string? Detail);

public abstract record RedactionResult
{
    public sealed record Redacted(string Marker, RedactionSubject Subject) : RedactionResult;
    public sealed record NotFound : RedactionResult;

    /// <summary>The text kept changing while the redaction was being made: nothing was written.</summary>
    public sealed record Conflict : RedactionResult;
}

/// <summary>
/// Erases a text a council should not hold: the words are replaced by a marker saying who redacted them, when and why,
/// in the record itself, in every earlier version of it, in copies of the words in the plan's other years, and in the
/// before and after values of the audit trail; a personal-data decision about the words goes with them. The trail
/// gets one entry saying what was redacted, by whom and why, without the words. All in one transaction.
/// </summary>
/// <remarks>
/// The changes are written with ExecuteUpdate, around the audit interceptor: an ordinary save would record the words
/// once more as the "before" value of the change that erases them.
/// </remarks>
public sealed class Redactions(ServicePlanDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RedactionSubject?> FindAsync(RedactionTarget target, Guid organisationId, CancellationToken ct = default) =>
        (await LoadAsync(target, organisationId, ct))?.Subject;

    public async Task<RedactionResult> RedactAsync(RedactionTarget target, Redactor redactor, string reason, CancellationToken ct = default)
    {
        if (RedactionText.ReasonProblem(reason) is { } problem)
            throw new ArgumentException(problem, nameof(reason));
        var marker = RedactionText.Marker(DateOnly.FromDateTime(clock.GetLocalNow().Date), redactor.Name, reason.Trim());

        // The live text is replaced only if it is still what was read; otherwise read it again and start over.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var work = await LoadAsync(target, redactor.OrganisationId, ct);
            if (work is null)
                return new RedactionResult.NotFound();
            if (!await work.ReplaceLive(marker, ct))
            {
                await transaction.RollbackAsync(ct);
                continue;
            }

            var plans = await EraseEverywhereAsync(work, redactor.OrganisationId, marker, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var planId in plans.Prepend(work.Subject.PlanId).Distinct())
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = now,
                    UserId = redactor.UserId,
                    UserName = redactor.Name,
                    Entity = work.Entity,
                    EntityId = work.EntityId.ToString(),
                    Change = AuditChange.Redacted,
                    OrganisationId = redactor.OrganisationId,
                    PlanId = planId,
                    ActionId = planId == work.Subject.PlanId ? work.Subject.ActionId : null,
                    Fields =
                    [
                        new FieldChange("Redaction", null, planId == work.Subject.PlanId
                            ? $"{work.Subject.What} redacted by {redactor.Name}: {reason.Trim()}"
                            : $"Copies of {Lower(work.Subject.What)} redacted by {redactor.Name}: {reason.Trim()}"),
                    ],
                });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return new RedactionResult.Redacted(marker, work.Subject);
        }

        return new RedactionResult.Conflict();
    }

    /// <summary>What one redaction needs to know: the text, its earlier versions, and how to replace the live row.</summary>
    private sealed class Work
    {
        public required RedactionSubject Subject { get; init; }

        /// <summary>The redacted record as the trail names it, for the redaction's own entry.</summary>
        public required string Entity { get; init; }
        public required Guid EntityId { get; init; }

        /// <summary>The words to erase: the text and every earlier version of it.</summary>
        public required List<string> Words { get; init; }

        /// <summary>The redacted fields as the trail names them: (entity, id, field) and how their values go.</summary>
        public required List<(string Entity, string Id, string Field, RedactedField How)> Fields { get; init; }

        /// <summary>Replaces the live text and its stored versions; false when the text moved since it was read.</summary>
        public required Func<string, CancellationToken, Task<bool>> ReplaceLive { get; init; }

        public RedactedField? How(AuditEntry entry, string field) =>
            Fields.Where(f => f.Entity == entry.Entity && f.Id == entry.EntityId && f.Field == field).Select(f => (RedactedField?)f.How).FirstOrDefault();
    }

    private Task<Work?> LoadAsync(RedactionTarget target, Guid organisationId, CancellationToken ct) => target switch
    {
        RedactionTarget.Comment comment => LoadCommentAsync(comment, organisationId, ct),
        RedactionTarget.ActionText text => LoadActionTextAsync(text, organisationId, ct),
        RedactionTarget.NarrativeParagraph paragraph => LoadNarrativeAsync(paragraph, organisationId, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    private async Task<Work?> LoadCommentAsync(RedactionTarget.Comment target, Guid organisationId, CancellationToken ct)
    {
        var update = await db.ProgressUpdates.AsNoTracking().Include(u => u.Review).FirstOrDefaultAsync(u => u.Id == target.UpdateId, ct);
        var action = update is null ? null : await db.Actions.AsNoTracking().Where(a => a.Id == update.ActionId)
            .Join(db.Plans.VisibleTo(organisationId), a => a.PlanId, p => p.Id, (a, p) => new { a.Id, a.Ref, a.PlanId })
            .FirstOrDefaultAsync(ct);
        if (update is null || action is null || string.IsNullOrWhiteSpace(update.Comment))
            return null;

        var versions = await db.CommentVersions.AsNoTracking().Where(v => v.ProgressUpdateId == update.Id).Select(v => new { v.Id, v.Comment }).ToListAsync(ct);
        var version = update.Version;
        var entity = AuditInterceptor.EntityName(typeof(ProgressUpdate));
        var versionEntity = AuditInterceptor.EntityName(typeof(CommentVersion));
        return new Work
        {
            Subject = new RedactionSubject(
                target, $"Comment on {ActionName(action.Ref)}", update.Comment, action.PlanId, action.Id, update.ReviewId,
                $"{update.AuthorName}, {Dates.UkTime.Date(update.RecordedAtUtc)}{(update.Review is null ? "" : ", " + update.Review.Label)}"),
            Entity = entity,
            EntityId = update.Id,
            Words = [update.Comment, .. versions.Select(v => v.Comment)],
            Fields =
            [
                (entity, update.Id.ToString(), nameof(ProgressUpdate.Comment), RedactedField.WholeValue),
                .. versions.Select(v => (versionEntity, v.Id.ToString(), nameof(CommentVersion.Comment), RedactedField.WholeValue)),
            ],
            ReplaceLive = async (marker, token) =>
            {
                var replaced = await db.ProgressUpdates.Where(u => u.Id == update.Id && u.Version == version)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.Comment, marker).SetProperty(u => u.Version, version + 1), token);
                if (replaced == 0)
                    return false;
                await db.CommentVersions.Where(v => v.ProgressUpdateId == update.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Comment, marker), token);
                return true;
            },
        };
    }

    private async Task<Work?> LoadActionTextAsync(RedactionTarget.ActionText target, Guid organisationId, CancellationToken ct)
    {
        var action = await db.Actions.AsNoTracking().Include(a => a.Objective)
            .Where(a => a.Id == target.ActionId && db.Plans.VisibleTo(organisationId).Any(p => p.Id == a.PlanId))
            .FirstOrDefaultAsync(ct);
        if (action?.Objective is null)
            return null;
        var what = $"\"{target.Field.Label()}\" of {ActionName(action.Ref)}";

        if (target.Field == ActionTextField.Why)
        {
            var objective = action.Objective;
            if (string.IsNullOrWhiteSpace(objective.Aim))
                return null;
            var aim = objective.Aim;
            var entity = AuditInterceptor.EntityName(typeof(Objective));
            return new Work
            {
                Subject = new RedactionSubject(target, what, aim, action.PlanId, action.Id, null, null),
                Entity = entity,
                EntityId = objective.Id,
                Words = [aim],
                Fields = [(entity, objective.Id.ToString(), nameof(Objective.Aim), RedactedField.WholeValue)],
                ReplaceLive = async (marker, token) =>
                    await db.Objectives.Where(o => o.Id == objective.Id && o.Aim == aim).ExecuteUpdateAsync(s => s.SetProperty(o => o.Aim, marker), token) > 0,
            };
        }

        var property = target.Field switch
        {
            ActionTextField.Who => nameof(PlanAction.LeadsText),
            ActionTextField.DoesWhat => nameof(PlanAction.DoesWhat),
            ActionTextField.ByWhen => nameof(PlanAction.DueText),
            ActionTextField.Measure => nameof(PlanAction.Measure),
            _ => nameof(PlanAction.ChildrenExperience),
        };
        var text = (string)typeof(PlanAction).GetProperty(property)!.GetValue(action)!;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var version = action.Version;
        var maxLength = MaxLength(typeof(PlanAction), property);
        var actionEntity = AuditInterceptor.EntityName(typeof(PlanAction));
        return new Work
        {
            Subject = new RedactionSubject(target, what, text, action.PlanId, action.Id, null, null),
            Entity = actionEntity,
            EntityId = action.Id,
            Words = [text],
            Fields = [(actionEntity, action.Id.ToString(), AuditInterceptor.FieldName(typeof(PlanAction), property), RedactedField.WholeValue)],
            ReplaceLive = async (marker, token) =>
                await db.Actions.Where(a => a.Id == action.Id && a.Version == version).ExecuteUpdateAsync(
                    s => s.SetProperty(a => EF.Property<string>(a, property), RedactionText.Fit(marker, maxLength)).SetProperty(a => a.Version, version + 1),
                    token) > 0,
        };
    }

    private async Task<Work?> LoadNarrativeAsync(RedactionTarget.NarrativeParagraph target, Guid organisationId, CancellationToken ct)
    {
        var label = RedactionFields.NarrativeLabel(target.Field);
        var review = label is null ? null : await db.Reviews.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == target.ReviewId && db.Plans.VisibleTo(organisationId).Any(p => p.Id == r.PlanId), ct);
        var narrative = review is null ? null : await db.Narratives.AsNoTracking().FirstOrDefaultAsync(n => n.ReviewId == review.Id, ct);
        if (review is null || narrative is null)
            return null;
        var value = (string)typeof(ReviewNarrative).GetProperty(target.Field)!.GetValue(narrative)!;
        var paragraphs = RedactionText.Paragraphs(value);
        if (target.Paragraph < 0 || target.Paragraph >= paragraphs.Count || string.IsNullOrWhiteSpace(paragraphs[target.Paragraph]))
            return null;

        var text = paragraphs[target.Paragraph].Trim();
        var number = paragraphs.Take(target.Paragraph).Count(p => !string.IsNullOrWhiteSpace(p)) + 1;
        var version = narrative.Version;
        var entity = AuditInterceptor.EntityName(typeof(ReviewNarrative));
        return new Work
        {
            Subject = new RedactionSubject(target, $"{label} paragraph {number} of the {review.Label} report narrative", text, review.PlanId, null, review.Id, null),
            Entity = entity,
            EntityId = narrative.Id,
            Words = [text],
            Fields = [(entity, narrative.Id.ToString(), target.Field, RedactedField.Occurrences)],
            ReplaceLive = async (marker, token) =>
            {
                var replaced = RedactionText.ReplaceParagraph(value, target.Paragraph, marker);
                return await db.Narratives.Where(n => n.Id == narrative.Id && n.Version == version).ExecuteUpdateAsync(
                    s => s.SetProperty(n => EF.Property<string>(n, target.Field), replaced).SetProperty(n => n.Version, version + 1),
                    token) > 0;
            },
        };
    }

    /// <summary>
    /// Deletes the records (of <typeparamref name="T"/>) that found some of the words and would keep them, and adds their
    /// <paramref name="fields"/> and audit entries to what is redacted.
    /// </summary>
    private async Task ForgetKeepersAsync<T>(
        Work work, Dictionary<Guid, AuditEntry> entries, IEnumerable<(Guid Id, string Found)> records, string[] fields, CancellationToken ct)
        where T : class
    {
        var keeping = records.Where(r => r.Found.Length > 0 && work.Words.Any(w => w.Contains(r.Found, StringComparison.Ordinal))).Select(r => r.Id).ToList();
        if (keeping.Count == 0)
            return;
        await db.Set<T>().Where(r => keeping.Contains(EF.Property<Guid>(r, "Id"))).ExecuteDeleteAsync(ct);
        var entity = AuditInterceptor.EntityName(typeof(T));
        var ids = keeping.Select(id => id.ToString()).ToList();
        foreach (var id in ids)
        {
            foreach (var field in fields)
                work.Fields.Add((entity, id, field, RedactedField.WholeValue));
        }

        foreach (var entry in await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.EntityId)).ToListAsync(ct))
            entries.TryAdd(entry.Id, entry);
    }

    /// <summary>Erases the words from everything but the live text; returns the plans whose copies of them were changed.</summary>
    private async Task<HashSet<Guid>> EraseEverywhereAsync(Work work, Guid organisationId, string marker, CancellationToken ct)
    {
        var plans = await PlanChainAsync(work.Subject.PlanId, organisationId, ct);

        // Every earlier value of the redacted field is an earlier version of the words: the trail holds them.
        var ids = work.Fields.Select(f => f.Id).Distinct().ToList();
        var entries = (await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.EntityId)).ToListAsync(ct)).ToDictionary(e => e.Id);
        foreach (var entry in entries.Values)
        {
            foreach (var field in entry.Fields.Where(f => work.How(entry, f.Field) == RedactedField.WholeValue))
                work.Words.AddRange(RedactionText.Values(field));
        }

        // A decision to publish words found in the text goes with them: it would otherwise keep them.
        var reviews = await db.Reviews.AsNoTracking().Where(r => plans.Contains(r.PlanId)).Select(r => r.Id).ToListAsync(ct);
        var decisions = await db.PersonalDataDecisions.AsNoTracking().Where(d => reviews.Contains(d.ReviewId)).Select(d => new { d.Id, d.Found }).ToListAsync(ct);
        await ForgetKeepersAsync<PersonalDataDecision>(
            work, entries, decisions.Select(d => (d.Id, d.Found)), [nameof(PersonalDataDecision.Found), nameof(PersonalDataDecision.Reason)], ct);

        // So does a confirmation, made when the text was saved, that the words found in it could be saved as written.
        var confirmations = await db.PersonalDataConfirmations.AsNoTracking()
            .Where(c => c.PlanId != null && plans.Contains(c.PlanId.Value)).Select(c => new { c.Id, c.Found }).ToListAsync(ct);
        await ForgetKeepersAsync<PersonalDataConfirmation>(
            work, entries, confirmations.Select(c => (c.Id, c.Found)), [nameof(PersonalDataConfirmation.Found), nameof(PersonalDataConfirmation.Where)], ct);

        var touched = await EraseCopiesAsync(plans, work.Words, marker, ct);

        // The trail: the redacted records' entries, and any entry of these plans the words were copied into.
        foreach (var words in RedactionText.Searchable(work.Words))
        {
            var escaped = JsonSerializer.Serialize(words, Json)[1..^1];
            var copied = await db.AuditEntries.AsNoTracking()
                .Where(e => e.PlanId != null && plans.Contains(e.PlanId.Value) && e.Changes.Contains(escaped)).ToListAsync(ct);
            foreach (var entry in copied)
                entries.TryAdd(entry.Id, entry);
        }

        foreach (var entry in entries.Values)
        {
            var fields = entry.Fields;
            var scrubbed = RedactionText.ScrubFields(fields, field => work.How(entry, field), work.Words, marker);
            if (scrubbed.SequenceEqual(fields))
                continue;
            var changes = new AuditEntry { UserName = "", Entity = "", EntityId = "", Fields = scrubbed }.Changes;
            await db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, changes), ct);
        }

        return touched;
    }

    /// <summary>
    /// The words where they were copied into the texts of this plan and the plans it was rolled over from and into: an
    /// action carried forward, a comment quoted, a narrative carried from one review to the next.
    /// </summary>
    private async Task<HashSet<Guid>> EraseCopiesAsync(IReadOnlyCollection<Guid> plans, IReadOnlyList<string> allWords, string marker, CancellationToken ct)
    {
        var touched = new HashSet<Guid>();
        var words = RedactionText.Searchable(allWords);
        if (words.Count == 0)
            return touched;

        string[] actionTexts = [nameof(PlanAction.LeadsText), nameof(PlanAction.DoesWhat), nameof(PlanAction.DueText), nameof(PlanAction.Measure), nameof(PlanAction.ChildrenExperience)];
        foreach (var w in words)
        {
            // Removed actions and objectives too: they are kept, and words erased must be erased from everything kept.
            var actions = await db.Actions.IgnoreQueryFilters().AsNoTracking()
                .Where(a => plans.Contains(a.PlanId) && (a.LeadsText.Contains(w) || a.DoesWhat.Contains(w) || a.DueText.Contains(w) || a.Measure.Contains(w) || a.ChildrenExperience.Contains(w)))
                .ToListAsync(ct);
            foreach (var action in actions)
            {
                if (await EraseFromRowAsync<PlanAction>(action, action.Id, actionTexts, words, marker, ct))
                    touched.Add(action.PlanId);
            }

            var objectives = await db.Objectives.IgnoreQueryFilters().AsNoTracking().Where(o => plans.Contains(o.Section!.PlanId) && o.Aim.Contains(w))
                .Select(o => new { Objective = o, o.Section!.PlanId }).ToListAsync(ct);
            foreach (var found in objectives)
            {
                if (await EraseFromRowAsync<Objective>(found.Objective, found.Objective.Id, [nameof(Objective.Aim)], words, marker, ct))
                    touched.Add(found.PlanId);
            }

            var updates = await db.ProgressUpdates.AsNoTracking().Where(u => u.Comment.Contains(w))
                .Join(db.Actions.IgnoreQueryFilters().Where(a => plans.Contains(a.PlanId)), u => u.ActionId, a => a.Id, (u, a) => new { Update = u, a.PlanId }).ToListAsync(ct);
            foreach (var found in updates)
            {
                if (await EraseFromRowAsync<ProgressUpdate>(found.Update, found.Update.Id, [nameof(ProgressUpdate.Comment)], words, marker, ct))
                    touched.Add(found.PlanId);
            }

            var versions = await db.CommentVersions.AsNoTracking().Where(v => v.Comment.Contains(w))
                .Join(db.Actions.IgnoreQueryFilters().Where(a => plans.Contains(a.PlanId)), v => v.ActionId, a => a.Id, (v, a) => new { Version = v, a.PlanId }).ToListAsync(ct);
            foreach (var found in versions)
            {
                if (await EraseFromRowAsync<CommentVersion>(found.Version, found.Version.Id, [nameof(CommentVersion.Comment)], words, marker, ct))
                    touched.Add(found.PlanId);
            }
        }

        // A closed review keeps the words its actions and comments had when it closed, and must lose them too.
        foreach (var w in words)
        {
            var kept = await db.ReviewSnapshotActions.AsNoTracking().Where(a => a.Comment.Contains(w) || a.DoesWhat.Contains(w))
                .Join(db.ReviewSnapshots.Where(s => plans.Contains(s.PlanId)), a => a.ReviewId, s => s.ReviewId, (a, s) => new { Row = a, s.PlanId }).ToListAsync(ct);
            foreach (var found in kept)
            {
                var (reviewId, actionId) = (found.Row.ReviewId, found.Row.ActionId);
                var comment = RedactionText.Scrub(found.Row.Comment, words, marker) ?? found.Row.Comment;
                var doesWhat = RedactionText.Scrub(found.Row.DoesWhat, words, marker) ?? found.Row.DoesWhat;
                if (comment == found.Row.Comment && doesWhat == found.Row.DoesWhat)
                    continue;
                await db.ReviewSnapshotActions.Where(a => a.ReviewId == reviewId && a.ActionId == actionId)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.Comment, comment).SetProperty(a => a.DoesWhat, doesWhat), ct);
                touched.Add(found.PlanId);
            }
        }

        // A plan has a narrative a review: few enough to read whole.
        string[] narrativeTexts = [.. typeof(ReviewNarrative).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.Name != nameof(ReviewNarrative.UpdatedBy)).Select(p => p.Name)];
        var narratives = await db.Narratives.AsNoTracking()
            .Join(db.Reviews.Where(r => plans.Contains(r.PlanId)), n => n.ReviewId, r => r.Id, (n, r) => new { Narrative = n, r.PlanId }).ToListAsync(ct);
        foreach (var found in narratives)
        {
            if (await EraseFromRowAsync<ReviewNarrative>(found.Narrative, found.Narrative.Id, narrativeTexts, words, marker, ct))
                touched.Add(found.PlanId);
        }

        return touched;
    }

    /// <summary>Replaces the words in the named texts of one row, moving its version when it has one; false when it held none.</summary>
    private async Task<bool> EraseFromRowAsync<T>(T row, Guid id, IReadOnlyList<string> properties, IReadOnlyList<string> words, string marker, CancellationToken ct)
        where T : class
    {
        var changed = new List<(string Property, string Value)>();
        foreach (var property in properties)
        {
            var value = typeof(T).GetProperty(property)!.GetValue(row) as string;
            var scrubbed = RedactionText.Scrub(value, words, marker);
            if (scrubbed is not null && !string.Equals(scrubbed, value, StringComparison.Ordinal))
                changed.Add((property, RedactionText.Fit(scrubbed, MaxLength(typeof(T), property))));
        }

        if (changed.Count == 0)
            return false;
        var versioned = db.Model.FindEntityType(typeof(T))!.FindProperty("Version") is not null;
        await db.Set<T>().IgnoreQueryFilters().Where(e => EF.Property<Guid>(e, "Id") == id).ExecuteUpdateAsync(
            s =>
            {
                foreach (var (property, value) in changed)
                {
                    s.SetProperty(e => EF.Property<string>(e, property), value);
                }

                if (versioned)
                    s.SetProperty(e => EF.Property<int>(e, "Version"), e => EF.Property<int>(e, "Version") + 1);
            },
            ct);
        return true;
    }

    /// <summary>The plan, the plans it was rolled over from, and those rolled over from it: where its words may have been carried.</summary>
    private async Task<HashSet<Guid>> PlanChainAsync(Guid planId, Guid organisationId, CancellationToken ct)
    {
        var links = await db.Plans.AsNoTracking().VisibleTo(organisationId).Select(p => new { p.Id, p.PreviousPlanId }).ToListAsync(ct);
        var chain = new HashSet<Guid> { planId };
        bool grew;
        do
        {
            grew = false;
            foreach (var link in links)
            {
                if (link.PreviousPlanId is { } previous && chain.Contains(link.Id) != chain.Contains(previous))
                    grew |= chain.Add(link.Id) | chain.Add(previous);
            }
        }
        while (grew);
        return chain;
    }

    private int? MaxLength(Type type, string property) => db.Model.FindEntityType(type)?.FindProperty(property)?.GetMaxLength();

    private static string ActionName(string reference) => string.IsNullOrWhiteSpace(reference) ? "an action" : $"action {reference}";

    private static string Lower(string what) => what.Length > 0 && char.IsUpper(what[0]) && !what.StartsWith('"') ? char.ToLowerInvariant(what[0]) + what[1..] : what;
}
