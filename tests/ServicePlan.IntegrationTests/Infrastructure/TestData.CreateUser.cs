using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Demo;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Infrastructure;

public sealed partial class TestData
{
    /// <summary>
    /// An account of its own in the demo council, with the demo password, for a test whose user must see only the
    /// actions the test gives them. Create it before the plan that names them, so the plan's person is linked to it.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string role, string? name = null)
    {
        var number = Interlocked.Increment(ref _users).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var user = new TestUser($"test-user-{number}@test.example", name ?? $"Test {role} {number}", role);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(user.Email, user.Name, role, await DemoOrganisationIdAsync(), DemoData.Password);
        return result is AddUserResult.Refused refused
            ? throw new InvalidOperationException($"Could not add {user.Email}: {string.Join(" ", refused.Errors)}")
            : user;
    }

    private static int _users;
}

/// <summary>An account made by <see cref="TestData.CreateUserAsync"/>.</summary>
public sealed record TestUser(string Email, string Name, string Role);

public static class TestUserSignIn
{
    public static async Task SignInAsync(this TestClient client, TestUser user) =>
        await client.SignInAsEmailAsync(user.Email, DemoData.Password);
}
