namespace ServicePlan.Web.Infrastructure;

/// <summary>The audit trail's "who" in the web app: the signed-in person, or what acted when nobody is signed in.</summary>
public sealed class SignedInAuditActor(IHttpContextAccessor accessor, CurrentUser user) : IAuditActor
{
    public string? UserId => user.Id is { Length: > 0 } id ? id : null;

    public Guid? OrganisationId => user.OrganisationId == Guid.Empty ? null : user.OrganisationId;

    public string Name => accessor.HttpContext switch
    {
        null => "ServicePlan (automatic)",
        { User.Identity.IsAuthenticated: true } => user.DisplayName,
        _ => "Not signed in (sign-in attempt)",
    };
}
