using ServicePlan.YouSaidWeDid;

namespace ServicePlan.Tests.YouSaidWeDid;

public sealed class PageSlugTests
{
    [Theory]
    [InlineData("City of London Corporation", "city-of-london-corporation")]
    [InlineData("City of London Corporation (demo data)", "city-of-london-corporation-demo-data")]
    [InlineData("  Brent – Children's Services ", "brent-children-s-services")]
    [InlineData("Ynys Môn", "ynys-mon")]
    [InlineData("!!", "our-service")]
    [InlineData("Edit", "our-service")]
    public void A_slug_is_made_from_the_organisations_name(string name, string expected)
    {
        Assert.Equal(expected, PageSlug.From(name));
    }

    [Fact]
    public void A_long_name_is_cut_at_sixty_characters_without_a_trailing_hyphen()
    {
        var slug = PageSlug.From(string.Join(' ', Enumerable.Repeat("children", 12)));
        Assert.True(slug.Length <= PageSlug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(PageSlug.IsValid(slug));
    }

    [Theory]
    [InlineData("city-of-london", true)]
    [InlineData("ab", false)]
    [InlineData("City-of-london", false)]
    [InlineData("city--london", false)]
    [InlineData("-city", false)]
    [InlineData("preview", false)]
    [InlineData("edit", false)]
    [InlineData(null, false)]
    public void Only_lower_case_words_joined_by_hyphens_are_valid(string? slug, bool valid)
    {
        Assert.Equal(valid, PageSlug.IsValid(slug));
    }
}
