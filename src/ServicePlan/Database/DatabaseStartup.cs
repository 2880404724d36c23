using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Demo;
using ServicePlan.Users;

namespace ServicePlan.Database;

/// <summary>Raised when the database cannot be opened or migrated; its message names the database and is meant for the person starting the app.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

public static class DatabaseStartup
{
    /// <summary>
    /// Creates or migrates the database, makes sure the roles exist and, when asked and the database is empty,
    /// seeds the demo organisation, plan and users.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, ServicePlanDatabase database, bool seedDemoData, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DatabaseUnavailableException($"Could not open or migrate the {database.Describe()}: {ex.GetBaseException().Message}", ex);
        }

        var roles = scope.ServiceProvider.GetService<RoleManager<IdentityRole>>();
        if (roles is not null)
        {
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (seedDemoData && !await db.Organisations.AnyAsync(ct))
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetService<UserManager<ApplicationUser>>(), ct);
    }
}
