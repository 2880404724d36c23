namespace ServicePlan.Export;

/// <summary>
/// One kind of file ServicePlan writes: the name the download links and the CLI's --format use, what a browser is told
/// it is, and the writer. Each door picks from the same list, so a format added here reaches the web and the CLI alike.
/// </summary>
public sealed record FileFormat<T>(string Name, string ContentType, Action<T, Stream> Write)
{
    public string Extension => "." + Name;
}

public static class FileFormats
{
    public static FileFormat<T>? Find<T>(this IReadOnlyList<FileFormat<T>> formats, string? name) =>
        formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public static string[] Names<T>(this IReadOnlyList<FileFormat<T>> formats) => formats.Select(f => f.Name).ToArray();

    /// <summary>"docx, html or json".</summary>
    public static string Describe<T>(this IReadOnlyList<FileFormat<T>> formats) =>
        formats.Count == 1 ? formats[0].Name : $"{string.Join(", ", formats.Take(formats.Count - 1).Select(f => f.Name))} or {formats[^1].Name}";
}
