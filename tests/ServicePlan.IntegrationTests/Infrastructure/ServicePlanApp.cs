using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// The real web app on a fresh database seeded with the demo plan and users, as a first start would leave it.
/// One per test class (an xunit class fixture), so tests that change data cannot disturb another class's figures.
/// </summary>
public class ServicePlanAppFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not started.");

    public ServicePlanFactory Factory { get; private set; } = null!;

    public FixedClock Clock { get; } = new(FixedClock.DemoToday);

    /// <summary>Plans made for one test, in the demo council: see <see cref="Infrastructure.TestData"/>.</summary>
    public TestData TestData => new(this);

    protected virtual bool UseKestrel => false;

    /// <summary>Settings over the defaults, for a fixture that needs the app configured otherwise (e-mail on, say).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Factory = new ServicePlanFactory(_database.ConnectionString, Clock, settings: Settings);
        if (UseKestrel)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
        else
        {
            // Creating the first client starts the app, which migrates and seeds the database.
            Factory.CreateClient().Dispose();
        }
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    public TestClient CreateClient() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A script: no cookies, no redirects followed, sending <paramref name="key"/> when there is one.</summary>
    public HttpClient Script(string? key)
    {
        var http = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null)
            http.DefaultRequestHeaders.Add(ApiKeyText.Header, key);
        return http;
    }

    /// <summary>A script with a new API key of the demo user in <paramref name="role"/>.</summary>
    public async Task<HttpClient> ScriptAsync(string role)
    {
        using var person = CreateClient();
        await person.SignInAsync(role);
        return Script(await person.MakeApiKeyAsync());
    }
}

/// <param name="settings">Configuration for this host, over the defaults below.</param>
public sealed class ServicePlanFactory(string connectionString, TimeProvider clock, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: the app reads its connection string before Build(),
        // and only settings given this way are visible that early.
        builder.UseSetting("ConnectionStrings:ServicePlan", connectionString);
        builder.UseEnvironment(environment);

        // Tests sign in far more often than a person could; the limit itself is tested with its real value.
        builder.UseSetting("RequestLimits:SignInPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
    }
}
