using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Privacy;
using ServicePlan.Sources;

namespace ServicePlan.YouSaidWeDid;

/// <summary>The owner's words for one source on the page.</summary>
public sealed record SourceWords(Guid SourceId, string? YouSaid, string? WeDid, WeDidStatus Status);

/// <summary>The page as the owner is writing it: their words, the sources they can write about, and what is published.</summary>
public sealed record YouSaidWeDidDraft(YouSaidWeDidPage Page, string OrganisationName, IReadOnlyList<Source> Sources, YouSaidWeDidContent Content)
{
    public bool IsSaved => Page.Version > 0;

    /// <summary>Saved words that differ from what the public can read: the owner must publish again for them to show.</summary>
    public bool HasUnpublishedChanges => Page.IsPublished && Page.PublishedContent != YouSaidWeDidPages.Serialise(Content);
}

public sealed record PublishedYouSaidWeDid(YouSaidWeDidContent Content, DateTime PublishedAtUtc);

public abstract record YouSaidWeDidSaveResult
{
    public sealed record Saved : YouSaidWeDidSaveResult;

    /// <summary>Another organisation's page already lives at that address.</summary>
    public sealed record SlugTaken : YouSaidWeDidSaveResult;

    /// <summary>Someone else saved the page after this form was opened; nothing was written.</summary>
    public sealed record Conflict(string UpdatedBy) : YouSaidWeDidSaveResult;
}

/// <summary>
/// An organisation's "You said, we did" page: the owner saves plain words per source, previews, and publishes. Publishing
/// runs the committee report's personal-data check (with the same names allowed) and refuses while anything is found,
/// then keeps a copy of exactly what passed, which is all the public ever sees.
/// </summary>
public sealed class YouSaidWeDidPages(ServicePlanDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialise(YouSaidWeDidContent content) => JsonSerializer.Serialize(content, Json);

    public async Task<YouSaidWeDidDraft> DraftAsync(Guid organisationId, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        var page = await db.YouSaidWeDidPages.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct)
            ?? new YouSaidWeDidPage { OrganisationId = organisationId, Slug = PageSlug.From(organisation) };
        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && (s.Kind == SourceKind.ChildrenAndYoungPeople || s.Kind == SourceKind.ParentsAndCarers || s.Kind == SourceKind.Staff))
            .OrderBy(s => s.Title)
            .ToListAsync(ct);
        return new YouSaidWeDidDraft(page, organisation, sources, YouSaidWeDidContent.From(organisation, page, sources));
    }

    /// <summary>
    /// Saves the page's words and each source's. Words for a source that is not the organisation's, or not one the page
    /// answers (children, families, staff), are ignored. A published page keeps showing what was published.
    /// </summary>
    public async Task<YouSaidWeDidSaveResult> SaveAsync(
        Guid organisationId, string title, string introduction, string slug, IReadOnlyList<SourceWords> words, int version, string updatedBy, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.YouSaidWeDidPages.AnyAsync(p => p.Slug == slug && p.OrganisationId != organisationId, ct))
            return new YouSaidWeDidSaveResult.SlugTaken();

        var page = await db.YouSaidWeDidPages.FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (page is null)
        {
            // A form opened before anything was saved carries version 0, so a second such form is refused, not merged.
            if (version != 0)
                return new YouSaidWeDidSaveResult.Conflict("someone else");
            page = new YouSaidWeDidPage { OrganisationId = organisationId, Slug = slug };
            db.YouSaidWeDidPages.Add(page);
        }
        else if (page.Version != version)
        {
            return new YouSaidWeDidSaveResult.Conflict(page.UpdatedBy);
        }

        page.Slug = slug;
        page.Title = title.Trim();
        page.Introduction = introduction.Trim();
        page.UpdatedBy = updatedBy;
        page.UpdatedAtUtc = nowUtc;
        page.Version++;

        var ids = words.Select(w => w.SourceId).ToList();
        var sources = await db.Sources.Where(s => s.OrganisationId == organisationId && ids.Contains(s.Id)).ToListAsync(ct);
        foreach (var source in sources.Where(s => SourceKinds.IsVoice(s.Kind)))
        {
            var w = words.First(x => x.SourceId == source.Id);
            source.YouSaid = string.IsNullOrWhiteSpace(w.YouSaid) ? null : w.YouSaid.Trim();
            source.WeDid = string.IsNullOrWhiteSpace(w.WeDid) ? null : w.WeDid.Trim();
            source.WeDidStatus = w.Status;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new YouSaidWeDidSaveResult.Conflict("someone else");
        }
        catch (DbUpdateException)
        {
            // Two organisations choosing one address at the same moment: the unique index refuses the second.
            if (await db.YouSaidWeDidPages.AsNoTracking().AnyAsync(p => p.Slug == slug && p.OrganisationId != organisationId, ct))
                return new YouSaidWeDidSaveResult.SlugTaken();
            throw;
        }

        return new YouSaidWeDidSaveResult.Saved();
    }

    /// <summary>What stops the saved words being published: personal data, or text repeated from an exempt action or comment.</summary>
    public async Task<IReadOnlyList<PublishingProblem>> ProblemsAsync(YouSaidWeDidDraft draft, CancellationToken ct = default)
    {
        var organisationId = draft.Page.OrganisationId;
        var known = await PublicNames.ForOrganisationAsync(db, organisationId, ct);
        var plans = db.Plans.Where(p => p.OrganisationId == organisationId);
        var exemptActions = await db.Actions.AsNoTracking()
            .Where(a => a.IsExempt && plans.Any(p => p.Id == a.PlanId))
            .Select(a => new { a.DoesWhat, a.Measure, a.ChildrenExperience })
            .ToListAsync(ct);
        var exemptComments = await db.ProgressUpdates.AsNoTracking()
            .Where(u => db.Actions.Any(a => a.Id == u.ActionId && (a.IsExempt || u.IsExempt) && plans.Any(p => p.Id == a.PlanId)))
            .Select(u => u.Comment)
            .ToListAsync(ct);
        var titles = draft.Sources.ToDictionary(s => s.Id, s => s.Title);
        return PublishingCheck.Problems(
            draft.Content.TextsToPublish(titles).ToList(),
            known,
            exemptActions.SelectMany(a => new[] { a.DoesWhat, a.Measure, a.ChildrenExperience }).Concat(exemptComments));
    }

    /// <summary>Publishes the saved words if nothing stops them; otherwise returns what does and publishes nothing.</summary>
    public async Task<IReadOnlyList<PublishingProblem>> PublishAsync(Guid organisationId, string publishedBy, DateTime nowUtc, CancellationToken ct = default)
    {
        var draft = await DraftAsync(organisationId, ct);
        if (!draft.IsSaved)
            throw new InvalidOperationException("Save the page before publishing it.");
        var problems = await ProblemsAsync(draft, ct);
        if (problems.Count > 0)
            return problems;

        var page = await db.YouSaidWeDidPages.SingleAsync(p => p.OrganisationId == organisationId, ct);
        page.PublishedContent = Serialise(draft.Content);
        page.IsPublished = true;
        page.PublishedAtUtc = nowUtc;
        page.PublishedBy = publishedBy;
        page.Version++;
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Takes the page off the web. The words stay, to publish again.</summary>
    public async Task UnpublishAsync(Guid organisationId, CancellationToken ct = default)
    {
        var page = await db.YouSaidWeDidPages.FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (page is null || !page.IsPublished)
            return;
        page.IsPublished = false;
        page.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The published page at an address (its slug, or the organisation's id); null when there is none or it is not published.</summary>
    public async Task<PublishedYouSaidWeDid?> PublishedAsync(string key, CancellationToken ct = default)
    {
        var page = await FindByKeyAsync(key, ct);
        if (page is not { IsPublished: true, PublishedContent: { } json, PublishedAtUtc: { } at })
            return null;
        return new PublishedYouSaidWeDid(JsonSerializer.Deserialize<YouSaidWeDidContent>(json, Json)!, at);
    }

    /// <summary>The organisation whose page lives at an address, published or not.</summary>
    public async Task<Guid?> OrganisationAtAsync(string key, CancellationToken ct = default) =>
        (await FindByKeyAsync(key, ct))?.OrganisationId;

    private Task<YouSaidWeDidPage?> FindByKeyAsync(string key, CancellationToken ct)
    {
        var slug = key.ToLowerInvariant();
        return Guid.TryParse(key, out var id)
            ? db.YouSaidWeDidPages.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == id, ct)
            : db.YouSaidWeDidPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
    }
}
