using ServicePlan.Web;

var builder = WebApplication.CreateBuilder(args);
var database = ServicePlanApp.ChooseDatabase(builder.Configuration, builder.Environment);
builder.AddServicePlanWeb(database);

var app = builder.Build();
try
{
    await DatabaseStartup.PrepareAsync(app.Services, database, seedDemoData: !app.Environment.IsProduction());
}
catch (DatabaseUnavailableException ex)
{
    // One clear line for whoever started the app, not a stack trace.
    await Console.Error.WriteLineAsync($"ServicePlan cannot start. {ex.Message}");
    return 1;
}

app.UseServicePlan();
await app.RunAsync();
return 0;

// Lets the integration tests start the real app with WebApplicationFactory<Program>.
public partial class Program;
