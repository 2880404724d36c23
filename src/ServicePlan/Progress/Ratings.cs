using System.Diagnostics.CodeAnalysis;

namespace ServicePlan.Progress;

public static class Ratings
{
    // BRAG is the order the committee reports use ("25 blue, 0 red, 8 amber, 32 green").
    public static IReadOnlyList<Rating> All { get; } = [Rating.Blue, Rating.Red, Rating.Amber, Rating.Green];

    public static Rating Parse(string? text) =>
        TryParse(text, out var rating, out var error) ? rating : throw new FormatException(error);

    public static bool TryParse(string? text, out Rating rating, [NotNullWhen(false)] out string? error)
    {
        error = null;
        rating = Rating.None;

        // A blank cell is an action nobody has rated yet, not a mistake.
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // Whitespace is dropped, not just collapsed: the 2019-20 appendix has "Complet ed"
        // and "Comple ted", where a line break landed inside the word.
        var letters = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        rating = letters switch
        {
            "BLUE" or "B" or "COMPLETE" or "COMPLETED" or "FULLYCOMPLETED" => Rating.Blue,
            "RED" or "R" => Rating.Red,
            "AMBER" or "A" => Rating.Amber,
            "GREEN" or "G" => Rating.Green,
            _ => Rating.None,
        };

        if (rating != Rating.None)
        {
            return true;
        }

        error = $"\"{string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}\" is not a BRAG rating. "
            + "Use Blue, Red, Amber or Green (or Complete for Blue).";
        return false;
    }

    public static string Name(this Rating rating) => rating switch
    {
        Rating.Blue => "Blue",
        Rating.Red => "Red",
        Rating.Amber => "Amber",
        Rating.Green => "Green",
        Rating.None => "Not rated",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Not a BRAG rating."),
    };

    // Wording from the committee cover reports' BRAG key, so screens and papers agree.
    public static string Meaning(this Rating rating) => rating switch
    {
        Rating.Blue => "fully completed",
        Rating.Red => "fully stuck",
        Rating.Amber => "more work needed or resolvable issue in sight",
        Rating.Green => "in progress, no barriers",
        Rating.None => "no rating given",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Not a BRAG rating."),
    };
}
