using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using ServicePlan.Database;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Performance;

/// <summary>
/// Listing, filtering and the dashboard cost the same number of SQL commands for a plan of 6 actions as for one of
/// 400: no query per action (N+1), so a big plan or a big database cannot make them slow by multiplying round trips.
/// </summary>
[Trait("Category", "Database")]
public sealed class QueryCountTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Theory]
    [InlineData("/plans/{0}/actions")]
    [InlineData("/plans/{0}/actions?rating=amber")]
    [InlineData("/plans/{0}/actions?overdue=true&q=children")]
    [InlineData("/plans/{0}")]
    [InlineData("/api/plans/{0}/actions")]
    public async Task A_page_issues_as_many_queries_for_400_actions_as_for_6(string url)
    {
        var small = await SmallPlanAsync();
        var large = await LargePlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var forSmall = await CountCommandsAsync(() => client.Http.GetAsync(string.Format(url, small)));
        var forLarge = await CountCommandsAsync(() => client.Http.GetAsync(string.Format(url, large)));

        Assert.InRange(forSmall, 1, 15);
        Assert.Equal(forSmall, forLarge);
    }

    private static Guid? _small;

    /// <summary>
    /// Six actions in two sections, with leads, sources, a review and updates: something of everything a page loads.
    /// Made once for the class, as the large plan is, so both are equally warm in the app's caches for every url.
    /// </summary>
    private async Task<Guid> SmallPlanAsync()
    {
        await Importing.WaitAsync();
        try
        {
            if (_small is { } id && await Exists(id))
                return id;
            _small = (await CreateSmallPlanAsync()).PlanId;
            return _small.Value;
        }
        finally
        {
            Importing.Release();
        }
    }

    private Task<CreatePlanResult> CreateSmallPlanAsync() =>
        app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Need", s => s
                .WithObjective("Assessments are timely", o => o
                    .WithSource("Ofsted ILACS inspection (query counts)")
                    .WithAction(a => a.WithLead("Sam Okafor").WithDoesWhat("Audit assessments for children in need.").WithDue("1 September 2024").WithUpdate(Rating.Red).WithUpdate(Rating.Amber))
                    .WithAction(a => a.WithLead("Sam Okafor").WithLead("Morgan Hale").WithRating(Rating.Green)))
                .WithObjective("Children are seen alone", o => o
                    .WithSource("Staff survey (query counts)")
                    .WithAction(a => a.WithLead("Morgan Hale").WithRating(Rating.Blue))))
            .WithSection("Early Help", s => s
                .WithObjective("Help comes early for children", o => o
                    .WithAction(a => a.WithLead("Priya Shah").WithDue("1 June 2024").WithRating(Rating.Amber))
                    .WithAction(a => a.WithDue("Monthly").WithRating(Rating.Red))
                    .WithAction())));

    private static readonly SemaphoreSlim Importing = new(1, 1);
    private static Guid? _large;

    /// <summary>A 400-action plan in the demo organisation, imported once for the class.</summary>
    private async Task<Guid> LargePlanAsync()
    {
        await Importing.WaitAsync();
        try
        {
            if (_large is { } id && await Exists(id))
                return id;
            var csv = new StringBuilder("Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n");
            string[] ratings = ["Blue", "Red", "Amber", "Green", ""];
            for (var i = 0; i < 400; i++)
                csv.Append($"Section {i / 50 + 1},Aim {i / 4},HoS,Does thing {i} for children,Mar-25,Measure {i},Children feel heard,{ratings[i % 5]},Comment on progress {i}\r\n");
            var organisation = await app.TestData.DemoOrganisationIdAsync();
            await using var db = app.Database.CreateContext();
            var report = await new PlanImporter(db, app.Clock).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), new ImportRequest
            {
                FileName = "large.csv",
                OrganisationId = organisation,
                Options = new() { Title = "Large plan for query counts", Period = new(2024) },
            });
            _large = report.PlanId ?? throw new InvalidOperationException(string.Join("; ", report.Errors.Select(e => e.Message)));
            return _large.Value;
        }
        finally
        {
            Importing.Release();
        }
    }

    private async Task<bool> Exists(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.AnyAsync(p => p.Id == id);
    }

    /// <summary>Counts the commands EF Core runs against this fixture's database while the request runs.</summary>
    private async Task<int> CountCommandsAsync(Func<Task<HttpResponseMessage>> request)
    {
        var counter = new CommandCounter(app.Database.Provider == DatabaseProvider.Sqlite
            ? connection => connection.DataSource == new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource
            : connection => connection.Database == new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database);
        using (DiagnosticListener.AllListeners.Subscribe(counter))
        {
            var response = await request();
            response.EnsureSuccessStatusCode();
        }

        return counter.Count;
    }

    /// <summary>
    /// Listens to EF Core's diagnostics in-process. Other test classes run in parallel on other databases, so only
    /// commands on this fixture's database are counted (by file or database name: Npgsql hides the password, so whole
    /// connection strings do not compare).
    /// </summary>
    private sealed class CommandCounter(Func<DbConnection, bool> isOurs) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly ConcurrentBag<IDisposable> _subscriptions = [];
        private int _count;

        public int Count => _count;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection is { } connection && isOurs(connection))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
