namespace ServicePlan.Privacy;

/// <summary>
/// The categories of exempt information in Part 1 of Schedule 12A to the Local Government Act 1972 (England).
/// Content marked with one of these never appears in a public committee paper.
/// </summary>
public static class Schedule12A
{
    public static IReadOnlyList<(string Paragraph, string Description)> Paragraphs { get; } =
    [
        ("Paragraph 1", "Information relating to any individual"),
        ("Paragraph 2", "Information which is likely to reveal the identity of an individual"),
        ("Paragraph 3", "Information relating to the financial or business affairs of any particular person"),
        ("Paragraph 4", "Information relating to consultations or negotiations on labour relations matters"),
        ("Paragraph 5", "Information in respect of which a claim to legal professional privilege could be maintained"),
        ("Paragraph 6", "Information which reveals that the authority proposes to give a notice or make an order"),
        ("Paragraph 7", "Information relating to the prevention, investigation or prosecution of crime"),
    ];

    /// <summary>What a public paper prints in place of an exempt progress comment.</summary>
    public const string WithheldComment = "Comment withheld: exempt information.";

    /// <summary>What a public paper prints in place of an exempt action.</summary>
    public const string WithheldAction = "Withheld: exempt information.";

    /// <summary>What a paper that is not public says at its head.</summary>
    public const string NotForPublication = "NOT FOR PUBLICATION";

    public static bool IsParagraph(string? text) => Paragraphs.Any(p => p.Paragraph == text);

    /// <summary>How exempt content is marked wherever a signed-in reader sees it: "Exempt (Schedule 12A paragraph 1)".</summary>
    public static string Marker(string? paragraph) =>
        IsParagraph(paragraph) ? $"Exempt (Schedule 12A {paragraph!.ToLowerInvariant()})" : "Exempt (Schedule 12A)";

    /// <summary>
    /// Why a paper is not for publication, in the words councils print on the agenda: "Exempt information under
    /// paragraphs 1 and 2 of Part 1 of Schedule 12A to the Local Government Act 1972", or the service's own use
    /// when nothing exempt is in it.
    /// </summary>
    public static string WhyNotForPublication(IEnumerable<string?> paragraphs)
    {
        var numbers = paragraphs.Where(IsParagraph).Select(p => p!["Paragraph ".Length..]).Distinct().Order(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0)
            return "For the service's own use: not for a public paper";
        var list = numbers.Count == 1 ? numbers[0] : $"{string.Join(", ", numbers[..^1])} and {numbers[^1]}";
        return $"Exempt information under paragraph{(numbers.Count == 1 ? "" : "s")} {list} of Part 1 of Schedule 12A to the Local Government Act 1972";
    }
}
