using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>How many actions carry each BRAG rating: the figures of the dashboard and the cover report.</summary>
public sealed record RatingCounts(int Blue, int Red, int Amber, int Green, int Unrated)
{
    public static RatingCounts Empty { get; } = new(0, 0, 0, 0, 0);

    public int Total => Blue + Red + Amber + Green + Unrated;

    public int this[Rating rating] => rating switch
    {
        Rating.Blue => Blue,
        Rating.Red => Red,
        Rating.Amber => Amber,
        Rating.Green => Green,
        _ => Unrated,
    };

    public static RatingCounts Of(IEnumerable<Rating> ratings)
    {
        int blue = 0, red = 0, amber = 0, green = 0, unrated = 0;
        foreach (var rating in ratings)
        {
            switch (rating)
            {
                case Rating.Blue: blue++; break;
                case Rating.Red: red++; break;
                case Rating.Amber: amber++; break;
                case Rating.Green: green++; break;
                default: unrated++; break;
            }
        }

        return new(blue, red, amber, green, unrated);
    }
}
