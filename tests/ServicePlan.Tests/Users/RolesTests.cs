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
}
