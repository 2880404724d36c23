using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Users;

/// <summary>A key just made: <see cref="Key"/> is the only time the full key exists outside the caller's hands.</summary>
public sealed record NewApiKey(ApiKey Record, string Key);

/// <summary>Making, listing, revoking and checking API keys, for the account page and the API's authentication.</summary>
public sealed class ApiKeys(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>How stale "last used" may be: writing it on every request would turn each API read into a write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public Task<List<ApiKey>> ListAsync(string userId, CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAtUtc).ThenByDescending(k => k.Id).ToListAsync(ct);

    /// <summary>Keys with the e-mail address of the user each acts as, newest first: every key, or one user's. Never the secret.</summary>
    public async Task<List<(ApiKey Key, string Email)>> ListWithOwnersAsync(string? userId = null, CancellationToken ct = default) =>
        (await db.ApiKeys.AsNoTracking()
            .Where(k => userId == null || k.UserId == userId)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { Key = k, Email = u.Email ?? u.UserName ?? "" })
            .OrderByDescending(x => x.Key.CreatedAtUtc).ThenByDescending(x => x.Key.Id)
            .ToListAsync(ct))
        .Select(x => (x.Key, x.Email)).ToList();

    /// <summary>Why a name cannot be given to a key, in the words the account page shows; null when it can.</summary>
    public static string? NameProblem(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            return "Enter a name for the key, such as the script that will use it";
        return trimmed.Length > FieldLengths.ApiKeyName ? $"The name must be {FieldLengths.ApiKeyName} characters or fewer" : null;
    }

    public async Task<NewApiKey> CreateAsync(string userId, string name, CancellationToken ct = default)
    {
        var (key, prefix) = ApiKeyText.New();
        // 32^8 prefixes make a clash very unlikely, but the unique index would turn one into an error page.
        while (await db.ApiKeys.AnyAsync(k => k.Prefix == prefix, ct))
            (key, prefix) = ApiKeyText.New();

        var record = new ApiKey
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = prefix,
            Hash = ApiKeyText.Hash(key),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(ct);
        return new NewApiKey(record, key);
    }

    /// <summary>Revokes one of the user's own keys; false when they have no such key.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid keyId, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, ct);
        if (key is null)
            return false;
        if (key.RevokedAtUtc is null)
        {
            key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>The unrevoked key <paramref name="presented"/> is, or null: malformed, unknown, wrong or revoked are all simply refused.</summary>
    public async Task<ApiKey?> FindActiveAsync(string? presented, CancellationToken ct = default)
    {
        if (ApiKeyText.PrefixOf(presented) is not { } prefix)
            return null;
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, ct);
        return key is { RevokedAtUtc: null } && ApiKeyText.Matches(presented!, key.Hash) ? key : null;
    }

    /// <summary>Records that the key was used, at most once per <see cref="LastUsedResolution"/>.</summary>
    public async Task TouchAsync(ApiKey key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAtUtc is { } last && now - last < LastUsedResolution)
            return;

        // One UPDATE that bypasses SaveChanges and so the audit trail: using a key is not a change anyone made to the
        // data, and an entry per minute per script would bury the changes the trail is for.
        await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now), ct);
    }
}
