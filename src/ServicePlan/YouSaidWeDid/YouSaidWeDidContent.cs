using ServicePlan.Privacy;
using ServicePlan.Sources;

namespace ServicePlan.YouSaidWeDid;

/// <summary>One thing people told us and what we did, in the owner's plain words: nothing from the plan itself.</summary>
public sealed record YouSaidWeDidEntry(Guid SourceId, SourceKind Kind, DateOnly? Date, string YouSaid, string WeDid, WeDidStatus Status);

/// <summary>
/// Everything the public "You said, we did" page prints. It is built only from words the owner wrote for the page, so
/// no action, comment or exempt text from the plan can reach it.
/// </summary>
public sealed record YouSaidWeDidContent(string OrganisationName, string Title, string Introduction, IReadOnlyList<YouSaidWeDidEntry> Entries)
{
    /// <summary>Children first, then families, then staff: the page is written for children and young people.</summary>
    public static IReadOnlyList<SourceKind> KindsInOrder { get; } = [SourceKind.ChildrenAndYoungPeople, SourceKind.ParentsAndCarers, SourceKind.Staff];

    public static YouSaidWeDidContent From(string organisationName, YouSaidWeDidPage page, IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(sources);
        var entries = sources
            .Where(s => s.OrganisationId == page.OrganisationId && s.IsReadyForYouSaidWeDid)
            .OrderBy(s => KindsInOrder.ToList().IndexOf(s.Kind))
            .ThenByDescending(s => s.Date)
            .ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)
            .Select(s => new YouSaidWeDidEntry(s.Id, s.Kind, s.Date, s.YouSaid!.Trim(), s.WeDid!.Trim(), s.WeDidStatus))
            .ToList();
        return new YouSaidWeDidContent(organisationName, page.Title.Trim(), page.Introduction.Trim(), entries);
    }

    public IEnumerable<(SourceKind Kind, IReadOnlyList<YouSaidWeDidEntry> Entries)> Groups =>
        KindsInOrder.Select(kind => (kind, (IReadOnlyList<YouSaidWeDidEntry>)Entries.Where(e => e.Kind == kind).ToList()))
            .Where(g => g.Item2.Count > 0);

    /// <summary>Every text the page prints, each named by where the owner wrote it (the source's title in the register).</summary>
    public IEnumerable<TextToPublish> TextsToPublish(IReadOnlyDictionary<Guid, string> sourceTitles)
    {
        ArgumentNullException.ThrowIfNull(sourceTitles);
        yield return new TextToPublish("Page title", Title);
        yield return new TextToPublish("Introduction", Introduction);
        foreach (var entry in Entries)
        {
            var name = sourceTitles.GetValueOrDefault(entry.SourceId) ?? "A source";
            yield return new TextToPublish($"{name} – You said", entry.YouSaid);
            yield return new TextToPublish($"{name} – We did", entry.WeDid);
        }
    }
}
