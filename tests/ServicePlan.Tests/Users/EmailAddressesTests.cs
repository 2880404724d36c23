using ServicePlan.Users;

namespace ServicePlan.Tests.Users;

public class EmailAddressesTests
{
    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last@council.gov.uk")]
    [InlineData("  owner@serviceplan.example  ")]
    [InlineData("o'neill+plans@example.org")]
    [InlineData("a@b-c.co")]
    public void An_address_is_accepted(string address) =>
        Assert.Null(EmailAddresses.Problem(address));

    [Theory]
    [InlineData(null, "Enter an email address")]
    [InlineData("", "Enter an email address")]
    [InlineData("   ", "Enter an email address")]
    [InlineData("name", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("@example.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@example", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@@example.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("na me@example.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@exa mple.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name.@example.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("na..me@example.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@-example.com", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@example.123", "Enter an email address in the correct format, like name@example.com")]
    [InlineData("name@example..com", "Enter an email address in the correct format, like name@example.com")]
    public void Something_else_gets_the_GOV_UK_message(string? typed, string message) =>
        Assert.Equal(message, EmailAddresses.Problem(typed));

    [Fact]
    public void A_very_long_address_is_refused() =>
        Assert.Equal("Email address must be 256 characters or fewer", EmailAddresses.Problem(new string('a', 250) + "@example.com"));

    [Fact]
    public void The_missing_message_can_be_the_page_s_own() =>
        Assert.Equal("Enter your email address", EmailAddresses.Problem("", "Enter your email address"));
}
