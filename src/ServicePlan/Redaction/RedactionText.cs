using System.Globalization;
using System.Text.RegularExpressions;
using ServicePlan.Audit;

namespace ServicePlan.Redaction;

/// <summary>How a redacted text is recognised in the audit trail: the record's own field, or words copied elsewhere.</summary>
public enum RedactedField
{
    /// <summary>The redacted field of the record itself: every value it ever had is an earlier version of the words, and goes whole.</summary>
    WholeValue,

    /// <summary>A field holding the words among others (a narrative field with one paragraph redacted): only the words go.</summary>
    Occurrences,
}

/// <summary>
/// The rules of a redaction as plain text: what replaces the words, where the words are recognised, and what a
/// narrative's paragraphs are. The command that applies them to the database is <see cref="Redactions"/>.
/// </summary>
public static partial class RedactionText
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Words shorter than this are replaced only in the redacted record and its own history, never searched for in other
    /// records: "n/a" or "Weekly." redacted from one action must not wipe every other action that says the same.
    /// </summary>
    public const int ShortestWordsSearchedElsewhere = 12;

    public const int MaxReasonLength = 300;

    /// <summary>What the redacted text says instead of its words: "[redacted on 3 December 2026 by Ana Owner: reason]".</summary>
    public static string Marker(DateOnly on, string by, string reason) =>
        $"[redacted on {on.ToString("d MMMM yyyy", UkEnglish)} by {OneLine(by)}: {OneLine(reason)}]";

    /// <summary>The marker cut to a column's length when it would not fit, still ending with its bracket.</summary>
    public static string Fit(string marker, int? maxLength) =>
        maxLength is { } max && marker.Length > max ? string.Concat(marker.AsSpan(0, Math.Max(0, max - 2)), "…]") : marker;

    /// <summary>The error to show for a reason, or null when it will do.</summary>
    public static string? ReasonProblem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return "Enter why the words are being redacted";
        if (reason.Trim().Length > MaxReasonLength)
            return $"The reason must be {MaxReasonLength} characters or fewer";
        return null;
    }

    /// <summary>
    /// <paramref name="value"/> with every occurrence of the words replaced by the marker, longest words first (so a
    /// comment is replaced whole before an earlier, shorter wording inside it). Words shorter than
    /// <see cref="ShortestWordsSearchedElsewhere"/> are left, unless <paramref name="anyLength"/>.
    /// </summary>
    public static string? Scrub(string? value, IEnumerable<string> words, string marker, bool anyLength = false)
    {
        if (string.IsNullOrEmpty(value))
            return value;
        foreach (var word in Searchable(words, anyLength))
            value = value.Replace(word, marker, StringComparison.Ordinal);
        return value;
    }

    /// <summary>The words worth looking for, longest first, each once.</summary>
    public static IReadOnlyList<string> Searchable(IEnumerable<string> words, bool anyLength = false) =>
        words.Where(w => !string.IsNullOrWhiteSpace(w) && (anyLength || w.Length >= ShortestWordsSearchedElsewhere))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .ToList();

    /// <summary>
    /// An audit entry's before and after values with the words gone. A field <paramref name="redacted"/> names as the
    /// redacted field itself loses its values whole (or every occurrence of the words, at any length); any other field
    /// loses the words where they were copied into it.
    /// </summary>
    public static IReadOnlyList<FieldChange> ScrubFields(IReadOnlyList<FieldChange> fields, Func<string, RedactedField?> redacted, IReadOnlyCollection<string> words, string marker)
    {
        var result = new List<FieldChange>(fields.Count);
        foreach (var field in fields)
        {
            result.Add(redacted(field.Field) switch
            {
                RedactedField.WholeValue => field with { Before = WholeOrNull(field.Before, marker), After = WholeOrNull(field.After, marker) },
                RedactedField.Occurrences => field with { Before = Scrub(field.Before, words, marker, anyLength: true), After = Scrub(field.After, words, marker, anyLength: true) },
                _ => field with { Before = Scrub(field.Before, words, marker), After = Scrub(field.After, words, marker) },
            });
        }

        return result;
    }

    /// <summary>The values a field had that are words (not nothing), for collecting every earlier version of a text.</summary>
    public static IEnumerable<string> Values(FieldChange field) =>
        new[] { field.Before, field.After }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!);

    private static string? WholeOrNull(string? value, string marker) => string.IsNullOrEmpty(value) ? value : marker;

    /// <summary>
    /// A narrative field's paragraphs, split where the owner left a blank line, as the report prints them. Empty ones
    /// (before the first or after the last blank line) are kept so each paragraph keeps its number.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Parts(text).Where((_, i) => i % 2 == 0).ToList();

    /// <summary>The text with one paragraph (numbered from 0, as <see cref="Paragraphs"/> gives them) replaced and the blank lines kept.</summary>
    public static string ReplaceParagraph(string text, int paragraph, string replacement)
    {
        var parts = Parts(text);
        if (paragraph < 0 || paragraph * 2 >= parts.Length)
            throw new ArgumentOutOfRangeException(nameof(paragraph), paragraph, "The text has no such paragraph.");
        var old = parts[paragraph * 2];
        if (string.IsNullOrWhiteSpace(old))
            throw new ArgumentOutOfRangeException(nameof(paragraph), paragraph, "The paragraph is empty.");
        // Keep the paragraph's own leading and trailing spaces, so only its words change.
        var start = old.Length - old.TrimStart().Length;
        var end = old.TrimEnd().Length;
        parts[paragraph * 2] = string.Concat(old.AsSpan(0, start), replacement, old.AsSpan(end));
        return string.Concat(parts);
    }

    private static string[] Parts(string text) => BlankLines().Split(text);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>One or more blank lines, captured so that splitting keeps them between the paragraphs.</summary>
    [GeneratedRegex(@"(\r?\n[ \t]*\r?\n\s*)")]
    private static partial Regex BlankLines();
}
