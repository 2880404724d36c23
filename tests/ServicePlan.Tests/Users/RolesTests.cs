using ServicePlan.Users;

namespace ServicePlan.Tests.Users;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Roles.Admin, false, true)]
    [InlineData(Roles.PlanOwner, false, true)]
    [InlineData(Roles.Lead, true, true)]
    [InlineData(Roles.Lead, false, false)]
    [InlineData(Roles.Viewer, true, false)]
    public void Who_may_add_progress(string role, bool leadsTheAction, bool expected)
    {
        Assert.Equal(expected, Roles.MayAddProgress([role], leadsTheAction));
    }

    [Theory]
    [InlineData(Roles.Admin, "Administrator")]
    [InlineData(Roles.PlanOwner, "Plan owner")]
    [InlineData(Roles.Lead, "Lead")]
    [InlineData(Roles.Viewer, "Viewer")]
    public void Roles_are_shown_by_the_names_people_use(string role, string shown)
    {
        Assert.Equal(shown, Roles.DisplayName(role));
    }

    [Theory]
    [InlineData("Admin", Roles.Admin)]
    [InlineData("Administrator", Roles.Admin)]
    [InlineData("administrator", Roles.Admin)]
    [InlineData("PlanOwner", Roles.PlanOwner)]
    [InlineData("Plan owner", Roles.PlanOwner)]
    [InlineData("plan  OWNER", Roles.PlanOwner)]
    [InlineData("plan-owner", Roles.PlanOwner)]
    [InlineData(" lead ", Roles.Lead)]
    [InlineData("VIEWER", Roles.Viewer)]
    [InlineData("Owner", null)]
    [InlineData("Head of Service", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_typed_role_is_understood_by_its_stored_name_or_its_shown_name_in_any_case(string? typed, string? stored)
    {
        Assert.Equal(stored, Roles.Parse(typed));
    }

    [Fact]
    public void Every_role_parses_back_from_the_name_it_is_shown_by()
    {
        Assert.All(Roles.All, role => Assert.Equal(role, Roles.Parse(Roles.DisplayName(role))));
    }

    [Theory]
    [InlineData("DuplicateUserName", "Username 'a@b.c' is already taken.", "An account with this e-mail already exists")]
    [InlineData("DuplicateEmail", "Email 'a@b.c' is already taken.", "An account with this e-mail already exists")]
    [InlineData("InvalidToken", "Invalid token.", "This link has expired or has already been used")]
    [InlineData("PasswordTooShort", "Passwords must be at least 12 characters.", "Your password must be at least 12 characters")]
    [InlineData("ConcurrencyFailure", "Optimistic concurrency failure, object has been modified.", AccountMessages.SomeoneElseChanged)]
    [InlineData("CommonPassword", "Choose a password that is harder to guess.", "Choose a password that is harder to guess")]
    public void Identity_refusals_are_said_in_the_users_words(string code, string description, string shown)
    {
        Assert.Equal(shown, AccountMessages.Describe(code, description));
    }

    [Fact]
    public void The_strongest_role_is_the_one_shown_for_an_account_with_several()
    {
        Assert.Equal(Roles.Admin, UserAdministration.Strongest([Roles.Viewer, Roles.Admin]));
        Assert.Equal(Roles.Lead, UserAdministration.Strongest([Roles.Lead]));
        Assert.Equal("", UserAdministration.Strongest([]));
    }
}
