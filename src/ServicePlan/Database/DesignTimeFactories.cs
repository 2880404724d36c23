using Microsoft.EntityFrameworkCore.Design;

namespace ServicePlan.Database;

// Used only by `dotnet ef migrations add`: each provider's migrations are generated against its own context.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteServicePlanDbContext>
{
    public SqliteServicePlanDbContext CreateDbContext(string[] args) =>
        (SqliteServicePlanDbContext)ServicePlanDatabase.FromConnectionString("Data Source=design-time.db").CreateContext();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresServicePlanDbContext>
{
    public PostgresServicePlanDbContext CreateDbContext(string[] args) =>
        (PostgresServicePlanDbContext)ServicePlanDatabase.FromConnectionString("Host=localhost;Database=serviceplan_design").CreateContext();
}
