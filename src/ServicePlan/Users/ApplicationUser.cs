using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Users;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Users see only their own organisation's plans.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>Set for demo accounts and generated passwords, whose password someone else has seen.</summary>
    public bool MustChangePassword { get; set; }
}
