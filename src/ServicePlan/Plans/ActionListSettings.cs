using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Plans;

/// <summary>
/// How one person likes the action list: the columns they hide and whether it is compact. Kept with their account, so
/// it lasts across sign-ins and devices; it changes what they see, never the plan.
/// </summary>
public sealed class ActionListSettings
{
    public required string UserId { get; set; }

    /// <summary>The hidden columns' sort words ("measure,experience"): hidden rather than shown, so a column added later shows.</summary>
    public string HiddenColumns { get; set; } = "";

    public bool Compact { get; set; }
}

/// <summary>What a person has chosen for the list: the columns shown (in the plan's order) and the compact view.</summary>
public sealed record ActionListView(IReadOnlyList<PlanColumn> Columns, bool Compact)
{
    /// <summary>Every column, not compact: what someone who has never chosen sees.</summary>
    public static ActionListView Default { get; } = new(PlanColumns.InTable, Compact: false);

    /// <summary>The columns that are always shown: an action is found by its ref and read by what it does.</summary>
    public static IReadOnlyList<PlanColumn> AlwaysShown { get; } = [PlanColumn.Ref, PlanColumn.DoesWhat];

    /// <summary>The columns a person may hide, in the plan's order.</summary>
    public static IReadOnlyList<PlanColumn> Optional { get; } = [.. PlanColumns.InTable.Where(c => !AlwaysShown.Contains(c))];

    public static ActionListView From(IEnumerable<PlanColumn> hidden, bool compact)
    {
        var hide = hidden.Where(c => !AlwaysShown.Contains(c)).ToHashSet();
        return new ActionListView([.. PlanColumns.InTable.Where(c => !hide.Contains(c))], compact);
    }

    /// <summary>A stable word for cache keys and the stored setting.</summary>
    public string HiddenText => string.Join(',', PlanColumns.InTable.Where(c => !Columns.Contains(c)).Select(c => c.Slug()));

    public bool Shows(PlanColumn column) => Columns.Contains(column);
}

/// <summary>Reads and saves a person's <see cref="ActionListSettings"/>.</summary>
public sealed class ActionListPreferences(ServicePlanDbContext db)
{
    public async Task<ActionListView> ForUserAsync(string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId))
            return ActionListView.Default;
        var settings = await db.Set<ActionListSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        return settings is null ? ActionListView.Default : ActionListView.From(Parse(settings.HiddenColumns), settings.Compact);
    }

    /// <summary>Shows exactly <paramref name="shown"/> (with the columns always shown) and leaves compact as it was.</summary>
    public async Task SaveColumnsAsync(string userId, IEnumerable<PlanColumn> shown, CancellationToken ct = default)
    {
        var show = shown.ToHashSet();
        var view = ActionListView.From(PlanColumns.InTable.Where(c => !show.Contains(c)), compact: false);
        await SaveAsync(userId, settings => settings.HiddenColumns = view.HiddenText, ct);
    }

    public Task SaveCompactAsync(string userId, bool compact, CancellationToken ct = default) =>
        SaveAsync(userId, settings => settings.Compact = compact, ct);

    private async Task SaveAsync(string userId, Action<ActionListSettings> change, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var settings = await db.Set<ActionListSettings>().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new ActionListSettings { UserId = userId };
            db.Add(settings);
        }

        change(settings);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(settings).State == EntityState.Added)
        {
            // The same person saved from another tab a moment before: the row exists now, so change that one. The last
            // choice wins, as it does for any preference.
            db.Entry(settings).State = EntityState.Detached;
            var saved = await db.Set<ActionListSettings>().FirstAsync(s => s.UserId == userId, ct);
            change(saved);
            await db.SaveChangesAsync(ct);
        }
    }

    private static IEnumerable<PlanColumn> Parse(string hidden) =>
        hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(slug => ActionSorting.Sortable.Where(s => s.Slug == slug).Select(s => s.Column));
}
