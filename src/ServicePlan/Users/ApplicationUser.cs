using Microsoft.AspNetCore.Identity;

namespace ServicePlan.Users;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Users see only their own organisation's plans.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>Set for demo accounts and generated passwords, whose password someone else has seen.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When an administrator deactivated the account: it cannot sign in or use its API keys; its name and history stay.</summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    /// <summary>When the person last signed in (with a password, single sign-on or a password link); null when never.</summary>
    public DateTime? LastSignInAtUtc { get; set; }

    public bool IsDeactivated => DeactivatedAtUtc is not null;
}
