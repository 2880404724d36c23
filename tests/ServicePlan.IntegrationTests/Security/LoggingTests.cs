using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Security;

/// <summary>
/// What reaches the logs: an error carries the reference the user is shown, so support can find it; and neither a
/// sign-in's e-mail address nor the words of a progress comment about a child are ever written there.
/// </summary>
public sealed class LoggingTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task An_error_shows_a_friendly_page_whose_reference_is_in_the_log()
    {
        var logs = new LogCapture();
        await using var factory = app.Factory.WithWebHostBuilder(builder =>
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()));
        });
        using var client = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false }));
        await client.SignInAsync(Roles.Viewer);

        var response = await client.Http.GetAsync(ThrowingEndpoint.Path);

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1")!.TextContent.Trim());
        var reference = page.QuerySelector(".app-reference")!.TextContent.Trim();
        Assert.Matches("^[0-9a-f]{32}$", reference);
        var logged = Assert.Single(logs.Lines, line => line.Contains(nameof(ThrowingEndpoint), StringComparison.Ordinal));
        Assert.Contains(reference, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_and_a_progress_comment_write_no_personal_data_to_the_log()
    {
        var logs = new LogCapture();
        await using var factory = app.Factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(logs);
        }));
        using var client = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false }));
        var action = await app.TestData.CreateActionAsync(a => a.WithLead(TestData.LeadName));

        await client.SignInAsEmailAsync(TestClient.EmailOf(Roles.Lead), "a-wrong-password-for-the-log");
        await client.SignInAsync(Roles.Lead);
        await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new()
        {
            ["Input.Rating"] = "Amber",
            ["Input.Comment"] = "Jayden Whitfield-Oyelaran (DOB 03/04/2015) joined the group.",
        });

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(TestClient.EmailOf(Roles.Lead), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Whitfield-Oyelaran", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("a-wrong-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_personal_data_warning_and_its_confirmation_write_none_of_the_words_found_to_the_log()
    {
        var logs = new LogCapture();
        await using var factory = app.Factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(logs);
        }));
        using var client = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false }));
        var action = await app.ActionAsync("13");
        await client.SignInAsync(Roles.Lead);
        var url = $"/actions/{action.Id}/progress";
        var fields = new Dictionary<string, string> { ["Input.Rating"] = "Amber", ["Input.Comment"] = "Kacper Okonkwo-Lindqvist (DOB 03/04/2015) joined the group." };

        var warned = await client.PostFormAsync(url, url, fields);
        var page = TestClient.Parse(await warned.Content.ReadAsStringAsync());
        Assert.Contains("Okonkwo-Lindqvist", page.QuerySelector("#personal-data-warning")!.TextContent, StringComparison.Ordinal);
        var seen = page.QuerySelector("input[name='Confirm.Seen']")!.GetAttribute("value")!;
        var saved = await client.PostFormAsync(url, url, new(fields) { ["Confirm.SaveAsWritten"] = "true", ["Confirm.Seen"] = seen, ["Confirm.Reason"] = "Checked" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var api = await client.Http.PostAsync($"/api/actions/{action.Id}/progress", System.Net.Http.Json.JsonContent.Create(new { rating = "Amber", comment = "Okonkwo-Lindqvist again, DOB 03/04/2015." }));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, api.StatusCode);

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Okonkwo-Lindqvist", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("03/04/2015", StringComparison.Ordinal));
    }

    /// <summary>A path that fails, added to the test host only: the app itself has no such page.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/test-only/throws";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException($"{nameof(ThrowingEndpoint)} failed on purpose.")));
        };
    }

    /// <summary>Every log line with its scopes (where the trace id lives), as a console with scopes on would print it.</summary>
    private sealed class LogCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyList<string> Lines => Queue.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => capture._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                capture._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
                capture.Queue.Enqueue($"{logLevel} {category} [{string.Join(" => ", scopes)}] {formatter(state, exception)} {exception}");
            }
        }
    }
}
