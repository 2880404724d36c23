using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Bench;

/// <summary>
/// The PostgreSQL query plans behind the action list, a filter, the dashboard and the plan's version: the SQL the app's
/// own query classes issue, recorded as they run, then run again under EXPLAIN (ANALYZE, BUFFERS) with the same values.
/// </summary>
public static class QueryPlans
{
    public static async Task<string> ExplainAsync(ServicePlanDatabase database, Guid planId, long databaseActions)
    {
        var recorder = new Recorder();
        var options = new DbContextOptionsBuilder<PostgresServicePlanDbContext>();
        database.Configure(options);
        options.AddInterceptors(recorder);
        await using var db = new PostgresServicePlanDbContext(options.Options);
        var organisationId = await db.Plans.Where(p => p.Id == planId).Select(p => p.OrganisationId).SingleAsync();
        var clock = TimeProvider.System;

        var report = new StringBuilder($"# PostgreSQL query plans\n\nThe SQL each page issues for the measured 1,000-action plan, in a database of {databaseActions:N0} actions, as EF Core sends it, under `EXPLAIN (ANALYZE, BUFFERS)`. Written by `bench/run-suite.sh --postgres` on {DateTime.UtcNow:yyyy-MM-dd}.\n");
        async Task Explain(string title, Func<Task> run)
        {
            recorder.Commands.Clear();
            await run();
            report.Append($"\n## {title}\n");
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var (text, parameters) in recorder.Commands)
            {
                report.Append($"\n```sql\n{text}\n```\n\n```\n");
                await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + text, connection);
                explain.Parameters.AddRange(parameters);
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    report.Append(reader.GetString(0)).Append('\n');
                report.Append("```\n");
            }

            await db.Database.CloseConnectionAsync();
        }

        await Explain("Action list, all 1,000 actions", () => new ActionQueries(db, clock).ListAsync(planId, new ActionFilter()));
        await Explain("Action list, amber", () => new ActionQueries(db, clock).ListAsync(planId, new ActionFilter { Rating = Rating.Amber }));
        await Explain("Dashboard: the plan, its sections and reviews, and each action's current rating", () => new PlanQueries(db, clock).OverviewAsync(planId, organisationId));
        await Explain("Dashboard: the trend across reviews", () => new ReviewQueries(db, TimeProvider.System).TrendAsync(planId));
        await Explain("The plan's version (asked on every list, dashboard and API request)", () => new PlanChanges(db).VersionAsync(planId));
        return report.ToString();
    }

    /// <summary>Each command's text and a copy of its parameters, as EF Core sends them.</summary>
    private sealed class Recorder : DbCommandInterceptor
    {
        public List<(string Text, NpgsqlParameter[] Parameters)> Commands { get; } = [];

        private void Record(DbCommand command) =>
            Commands.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}
