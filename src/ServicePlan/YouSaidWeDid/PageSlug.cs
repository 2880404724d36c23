using System.Text;
using System.Text.RegularExpressions;

namespace ServicePlan.YouSaidWeDid;

/// <summary>The short web address of an organisation's public page, made from its name and easy to read out or print.</summary>
public static partial class PageSlug
{
    public const int MaxLength = 60;

    /// <summary>Words the app itself uses under /you-said-we-did/.</summary>
    public static IReadOnlyList<string> Reserved { get; } = ["edit", "preview"];

    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                text.Append(c);
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                text.Append('-');
        }

        var slug = Hyphens().Replace(text.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
            slug = slug[..MaxLength].TrimEnd('-');
        return IsValid(slug) ? slug : "our-service";
    }

    public static bool IsValid(string? slug) =>
        slug is { Length: >= 3 and <= MaxLength } && Pattern().IsMatch(slug) && !Reserved.Contains(slug);

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
