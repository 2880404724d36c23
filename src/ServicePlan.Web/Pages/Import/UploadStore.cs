namespace ServicePlan.Web.Pages.Import;

/// <summary>
/// Keeps an uploaded plan between its preview and the owner's confirmation: one folder per user, files named by a
/// random token, removed on import and after a day. Nothing here is trusted from the request but the token's shape.
/// </summary>
public sealed class UploadStore(IWebHostEnvironment environment, TimeProvider clock)
{
    private static readonly string[] Extensions = [".xlsx", ".csv", ".tsv", ".txt", ".xls"];

    private string Root => Path.Combine(environment.ContentRootPath, "App_Data", "imports");

    private string Folder(string userId) =>
        Path.Combine(Root, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..24]);

    public async Task<string> SaveAsync(string userId, IFormFile file, CancellationToken ct)
    {
        var folder = Folder(userId);
        Directory.CreateDirectory(folder);
        RemoveOld();
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var token = Guid.NewGuid().ToString("N") + (Extensions.Contains(extension) ? extension : ".bin");
        await using var target = File.Create(Path.Combine(folder, token));
        await file.CopyToAsync(target, ct);
        return token;
    }

    /// <summary>The stored file for this user and token, or null when there is none (expired, already imported, or not theirs).</summary>
    public string? Find(string userId, string? token)
    {
        if (token is null || token.Length < 33 || !Guid.TryParseExact(token[..32], "N", out _) || !Extensions.Append(".bin").Contains(token[32..]))
            return null;
        var path = Path.Combine(Folder(userId), token);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Takes the upload for one import: the rename succeeds for exactly one request, so a double-click imports once.
    /// Null when there is nothing to take. Give it back with <see cref="Release"/> if the import is refused.
    /// </summary>
    public string? Claim(string userId, string? token)
    {
        if (Find(userId, token) is not { } path)
            return null;
        var claimed = path + ".importing";
        try
        {
            File.Move(path, claimed);
            return claimed;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void Release(string claimed) => File.Move(claimed, claimed[..^".importing".Length], overwrite: true);

    public static void Remove(string path) => File.Delete(path);

    /// <summary>Uploads hold children's information: anything older than a day goes, whoever left it.</summary>
    private void RemoveOld()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
                File.Delete(file);
        }
    }
}
