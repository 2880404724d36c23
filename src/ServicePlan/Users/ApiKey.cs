namespace ServicePlan.Users;

/// <summary>
/// A key a user made on their account page for scripts and integrations: it acts as that user, with their role and
/// organisation, on the JSON API only. The key itself is shown once when made and never stored: only
/// <see cref="Prefix"/>, to recognise and find it, and <see cref="Hash"/>, to check it.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }

    /// <summary>What the user called it ("Monthly committee figures"), so they know which to revoke.</summary>
    public required string Name { get; set; }

    /// <summary>The key's public part, <c>sp_&lt;prefix&gt;_…</c>: shown in the list and used to look the key up.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, lower-case hex; see <see cref="ApiKeyText.Hash"/> for why a fast hash is right here.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When it was last accepted, to the minute or so: it is not written on every request.</summary>
    public DateTime? LastUsedAtUtc { get; set; }

    /// <summary>Set once revoked; a revoked key is refused for ever and kept only so the list shows what happened to it.</summary>
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsRevoked => RevokedAtUtc is not null;
}
