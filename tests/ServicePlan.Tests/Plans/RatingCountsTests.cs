using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Tests.Plans;

public sealed class RatingCountsTests
{
    [Fact]
    public void Counts_each_rating_and_the_unrated()
    {
        var counts = RatingCounts.Of([Rating.Blue, Rating.Blue, Rating.Red, Rating.Amber, Rating.Green, Rating.Green, Rating.Green, Rating.None]);

        Assert.Equal(new RatingCounts(2, 1, 1, 3, 1), counts);
        Assert.Equal(8, counts.Total);
        Assert.Equal(3, counts[Rating.Green]);
        Assert.Equal(1, counts[Rating.None]);
    }

    [Fact]
    public void No_actions_count_as_zero_everywhere()
    {
        Assert.Equal(RatingCounts.Empty, RatingCounts.Of([]));
    }
}
