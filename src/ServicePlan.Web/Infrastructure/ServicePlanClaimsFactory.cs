using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePlan.Web.Infrastructure;

/// <summary>Puts the user's organisation and display name into the sign-in cookie so pages need no lookup to scope their queries.</summary>
public sealed class ServicePlanClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string OrganisationClaim = "serviceplan:organisation";
    public const string DisplayNameClaim = "serviceplan:display-name";
    public const string MustChangePasswordClaim = "serviceplan:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganisationClaim, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        return identity;
    }
}
