using System.Text.RegularExpressions;
using ServicePlan.Privacy;

namespace ServicePlan.YouSaidWeDid;

/// <summary>Something that stops the page being published, for the owner to rewrite.</summary>
public sealed record PublishingProblem(string Location, string Found, string Reason);

/// <summary>
/// What must be true before the public page is published: the committee report's personal-data check finds nothing,
/// and no text repeats an exempt action or comment, which the owner might have pasted in from the plan.
/// </summary>
public static partial class PublishingCheck
{
    /// <summary>Shorter stretches ("Review in March.") are common phrases, not a copy.</summary>
    public const int ShortestCopy = 20;

    public const string ExemptReason =
        "This repeats an exempt action or comment (Schedule 12A). Say what was done in your own words, without it.";

    public static IReadOnlyList<PublishingProblem> Problems(IReadOnlyCollection<TextToPublish> texts, KnownNames known, IEnumerable<string> exemptTexts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(exemptTexts);
        var personal = PersonalDataCheck.Scan(texts, known).Select(f => new PublishingProblem(f.Location, f.Found, f.Reason));
        return personal.Concat(ExemptCopies(texts, exemptTexts)).ToList();
    }

    /// <summary>Every sentence of an exempt text that a published text contains, ignoring case and spacing.</summary>
    public static IEnumerable<PublishingProblem> ExemptCopies(IEnumerable<TextToPublish> texts, IEnumerable<string> exemptTexts)
    {
        var sentences = exemptTexts
            .SelectMany(t => SentenceEnd().Split(t ?? ""))
            .Select(s => s.Trim())
            .Where(s => Normalise(s).Length >= ShortestCopy)
            .DistinctBy(Normalise)
            .ToList();
        foreach (var text in texts)
        {
            var published = Normalise(text.Text ?? "");
            foreach (var sentence in sentences.Where(s => published.Contains(Normalise(s), StringComparison.Ordinal)))
                yield return new PublishingProblem(text.Location, sentence, ExemptReason);
        }
    }

    private static string Normalise(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"(?<=[.!?])\s+|[\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
