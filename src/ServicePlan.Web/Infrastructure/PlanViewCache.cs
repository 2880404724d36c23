using Microsoft.Extensions.Caching.Memory;

namespace ServicePlan.Web.Infrastructure;

/// <summary>
/// Views of a plan that cost much to make (the action list's tables, the actions API's JSON, the dashboard's figures) kept in memory under a key that holds the
/// plan's version (see <see cref="ServicePlan.Plans.PlanChanges"/>): any saved change anywhere in the plan, from any copy
/// of the app, makes a new key, so a kept view is never out of date. Bounded; the least used go first, and views of an
/// old count, never asked for again, expire.
/// </summary>
public sealed class PlanViewCache : IDisposable
{
    /// <summary>About twenty 1,000-action lists: memory stays bounded on a busy server.</summary>
    private const long SizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    public Task<string> GetOrAddAsync(string key, Func<Task<string>> create) => GetOrAddAsync(key, create, text => text.Length * sizeof(char));

    public Task<byte[]> GetOrAddAsync(string key, Func<Task<byte[]>> create) => GetOrAddAsync(key, create, bytes => bytes.Length);

    /// <remarks>What is kept is shared by every request that asks for it: callers must only read it.</remarks>
    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> create, Func<T, long> size)
        where T : class
    {
        if (_cache.TryGetValue(key, out T? kept) && kept is not null)
            return kept;
        var made = await create();
        _cache.Set(key, made, new MemoryCacheEntryOptions { Size = size(made), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return made;
    }

    public void Dispose() => _cache.Dispose();
}
