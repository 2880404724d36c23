using System.Globalization;

namespace ServicePlan.Privacy;

/// <summary>A word of a text with where it is; <see cref="Core"/> drops a possessive so "Jayden's" is looked up as "Jayden".</summary>
internal readonly record struct TextWord(int Start, string Value)
{
    public int End => Start + Value.Length;

    public string Core => TextWords.WithoutPossessive(Value);

    public int CoreEnd => Start + Core.Length;
}

internal static class TextWords
{
    /// <summary>
    /// Letters, with apostrophes and hyphens inside a word kept ("O'Connor", "Mary-Jane", "Children's") and a closing
    /// apostrophe kept for plural possessives ("carers'"). Written by hand because it runs on every text.
    /// </summary>
    public static List<TextWord> Split(string text)
    {
        var words = new List<TextWord>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                    i++;
                else if (c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    i += 2;
                else
                    break;
            }
            if (i < text.Length && text[i] is '\'' or '’')
                i++;
            words.Add(new TextWord(start, text[start..i]));
        }
        return words;
    }

    public static string WithoutPossessive(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
            return word[..^2];
        return word.EndsWith('\'') || word.EndsWith('’') ? word[..^1] : word;
    }

    /// <summary>Written like a name: a capital then mostly small letters ("Jayden", "O'Connor", "McDonald"), never an acronym ("DTM", "HoS").</summary>
    public static bool IsCapitalised(string word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
            return false;
        var upper = 0;
        var lower = 0;
        foreach (var c in word)
        {
            if (char.IsUpper(c))
                upper++;
            else if (char.IsLower(c))
                lower++;
        }
        // "HoS" and "SaC" are staff initials written with a small letter, not names.
        return lower >= 1 && upper <= lower && !(word.Length <= 3 && upper >= 2);
    }

    /// <summary>Only spaces between two words, so they read as one name ("Amira Hussain"), not two phrases.</summary>
    public static bool OnlySpaceBetween(string text, int end, int start)
    {
        if (start <= end || start - end > 3)
            return false;
        for (var i = end; i < start; i++)
        {
            if (text[i] != ' ' && text[i] != '\t' && text[i] != '\u00a0')
                return false;
        }
        return true;
    }

}
