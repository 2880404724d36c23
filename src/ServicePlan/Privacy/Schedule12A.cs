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

    public static bool IsParagraph(string? text) => Paragraphs.Any(p => p.Paragraph == text);
}
