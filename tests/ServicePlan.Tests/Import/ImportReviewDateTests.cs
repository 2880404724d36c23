using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

public sealed class ImportReviewDateTests
{
    private static readonly DateOnly Today = new(2024, 12, 3);

    [Theory]
    [InlineData("2024-10-15", "2024-07-01", "2024-10-15", ReviewDateSource.Given)]
    [InlineData(null, "2024-07-01", "2024-07-01", ReviewDateSource.Sheet)]
    [InlineData(null, null, "2024-12-03", ReviewDateSource.Today)]
    public void The_date_given_wins_then_the_sheets_own_then_today(string? given, string? sheet, string expected, ReviewDateSource from)
    {
        static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((Date(expected)!.Value, from), ImportReviewDate.Choose(Date(given), Date(sheet), Today));
    }
}
