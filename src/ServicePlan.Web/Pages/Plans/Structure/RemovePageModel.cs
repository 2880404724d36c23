namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>
/// "Are you sure" before a section, objective or action leaves the plan: the confirmation shows it as it was read, and
/// the removal is refused if someone changed it since (<see cref="Version"/>). It can be restored from the removed list.
/// </summary>
public abstract class RemovePageModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    /// <summary>The version of what is removed when the confirmation was shown.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>Finds what is removed in the plan's outline (see <see cref="StructurePageModel.FindAsync"/>).</summary>
    protected abstract Task<IActionResult?> FindAsync(Guid planId, Guid id, CancellationToken ct);

    /// <summary>The version of what is removed, as just read.</summary>
    protected abstract int CurrentVersion { get; }

    protected abstract Task<StructureResult> RemoveAsync(Guid id, int version, CancellationToken ct);

    /// <summary>Where the plan's structure page opens after the removal.</summary>
    protected virtual string Next(Guid planId) => Links.PlanStructure(planId);

    protected async Task<IActionResult> ConfirmAsync(Guid planId, Guid id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is { } refused)
            return refused;
        Version = CurrentVersion;
        return Page();
    }

    protected async Task<IActionResult> RemoveAsync(Guid planId, Guid id, CancellationToken ct)
    {
        if (await FindAsync(planId, id, ct) is { } refused)
            return refused;
        var result = await RemoveAsync(id, Version, ct);
        Version = CurrentVersion;
        return Answer(result, Next(planId), "");
    }
}
