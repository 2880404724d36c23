using System.Security.Claims;

namespace ServicePlan.Web.Infrastructure;

/// <summary>The signed-in user as pages and endpoints need them: id, organisation, name and roles.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public Guid OrganisationId =>
        Guid.TryParse(Principal.FindFirstValue(ServicePlanClaimsFactory.OrganisationClaim), out var id) ? id : Guid.Empty;

    public string DisplayName => Principal.FindFirstValue(ServicePlanClaimsFactory.DisplayNameClaim) ?? Principal.Identity?.Name ?? "";

    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public bool MayEditPlan => Principal.IsInRole(ServicePlan.Users.Roles.Admin) || Principal.IsInRole(ServicePlan.Users.Roles.PlanOwner);

    /// <summary>Whether exempt content is shown to this user, marked, or withheld as in a public paper.</summary>
    public Task<bool> MaySeeExemptAsync(CancellationToken ct = default) =>
        ExemptReaders.MaySeeAsync(accessor.HttpContext!.RequestServices.GetRequiredService<ServicePlanDbContext>(), OrganisationId, Roles, ct);

    public bool MayAddProgressTo(bool leadsTheAction) => ServicePlan.Users.Roles.MayAddProgress(Roles, leadsTheAction);
}
