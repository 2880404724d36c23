using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan;
using ServicePlan.Bench;
using ServicePlan.CommitteeReport;
using ServicePlan.Database;
using ServicePlan.Demo;
using ServicePlan.Export;
using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Users;
using GeneratedPlan = ServicePlan.Bench.GeneratedPlan;

// bench import [--actions 10000]: generate an .xlsx plan, then import it into a new SQLite database in a fresh
// process, so the peak memory measured is the import's alone.
var command = args.FirstOrDefault() ?? "import";
var actions = args.SkipWhile(a => a != "--actions").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10_000);

if (command == "import-once")
    return await ImportOnceAsync(args[1]);

if (command == "suite")
{
    // suite [--seconds 20] [--actions 1000] [--postgres "Host=…"] [--background 150x20x200] [--serve]
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    var perCase = Option("--seconds") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20;
    var background = Option("--background")?.Split('x').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() is [var orgs, var plans, var each]
        ? new DemoRequest(orgs, plans, each, PlanGenerator.MaxReviews, Seed: 3)
        : null;
    var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    return await Suite.RunAsync(repository, new Suite.Options(args.Contains("--actions") ? actions : 1_000, perCase, Option("--postgres"), background, args.Contains("--serve")));
}

if (command is "report" or "export")
    return await DocumentsAsync(command, actions == 10_000 && !args.Contains("--actions") ? 1_000 : actions);

if (command != "import")
{
    await Console.Error.WriteLineAsync("Usage: bench import|report|export|suite [--actions N] [--seconds N] [--postgres CONNECTION] [--background ORGSxPLANSxACTIONS] [--serve]");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("serviceplan-bench-").FullName;
var file = Path.Combine(folder, $"plan-{actions}.xlsx");
var generate = Stopwatch.StartNew();
await using (var stream = File.Create(file))
    XlsxPlanWriter.Write(GeneratedPlan.Create(actions), stream);
Console.WriteLine($"Generated {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB, {actions} actions) in {generate.Elapsed.TotalSeconds:0.00} s");

// The measured run happens in a child process with nothing else in it.
var child = Process.Start(new ProcessStartInfo("dotnet", [typeof(GeneratedPlan).Assembly.Location, "import-once", file]) { RedirectStandardOutput = true })!;
var output = await child.StandardOutput.ReadToEndAsync();
await child.WaitForExitAsync();
var result = JsonDocument.Parse(output).RootElement;
var seconds = result.GetProperty("seconds").GetDouble();
var peakMb = result.GetProperty("peakMb").GetDouble();

Console.WriteLine($"Import of {result.GetProperty("actions").GetInt32()} actions: {seconds:0.00} s (budget 5 s), peak memory {peakMb:0} MB (budget 400 MB)");
var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
Directory.CreateDirectory(results);
var record = Path.Combine(results, "import.json");
await File.WriteAllTextAsync(record, JsonSerializer.Serialize(new
{
    date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    command = $"dotnet run -c Release --project bench/ServicePlan.Bench -- import --actions {actions}",
    actions,
    seconds,
    peakMb,
    withinBudget = seconds < 5 && peakMb < 400,
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Written to {Path.GetFullPath(record)}");
Directory.Delete(folder, recursive: true);
return seconds < 5 && peakMb < 400 ? 0 : 1;

static async Task<int> ImportOnceAsync(string file)
{
    var database = ServicePlanDatabase.FromConnectionString($"Data Source={Path.ChangeExtension(file, ".db")}");
    var services = new ServiceCollection();
    services.AddServicePlan(database);
    await using var provider = services.BuildServiceProvider();
    await DatabaseStartup.PrepareAsync(provider, database, seedDemoData: false);
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
    var organisation = new Organisation { Name = "Bench" };
    db.Organisations.Add(organisation);
    await db.SaveChangesAsync();

    var watch = Stopwatch.StartNew();
    await using var content = File.OpenRead(file);
    var report = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(content, new ImportRequest { FileName = Path.GetFileName(file), OrganisationId = organisation.Id });
    watch.Stop();
    if (!report.Succeeded)
        throw new InvalidOperationException(string.Join("\n", report.Errors));

    Console.WriteLine(JsonSerializer.Serialize(new { actions = report.Actions, seconds = watch.Elapsed.TotalSeconds, peakMb = PeakResidentMegabytes() }));
    return 0;
}

// The committee .docx (issue 4) and the .xlsx export (issue 3) of a generated plan: the first call, as a user meets it
// in a fresh process, and the median of five more.
static async Task<int> DocumentsAsync(string what, int actions)
{
    var table = GeneratedPlan.Create(actions);
    var rows = table.Sections.SelectMany(s => s.Rows.Select(r => new ReportAction(r.Ref, s.Title, r.DoesWhat, r.Rating, r.LatestComment))).ToList();
    var report = new CoverReport(
        new ReportHeader("Safeguarding Sub-Committee", new DateOnly(2025, 1, 15), table.Header.Title, true, "Executive Director", "Head of Service", "Head of Service", null, null, table.Header.Title, "Q3 2024-25"),
        new ReportNarrative("Summary.", ReportNarrative.DefaultRecommendation, "Background.", "Impact.", "", "", "", "", "", "", "", "", "Conclusion.", ["Appendix 1"]),
        RatingCounts.Of(rows.Select(r => r.Rating)),
        rows.Where(r => r.Rating == Rating.Blue).Take(50).ToList(),
        rows.Where(r => r.Rating is Rating.Amber or Rating.Red).ToList(),
        [],
        table,
        []);

    double Time()
    {
        var watch = Stopwatch.StartNew();
        using var output = new MemoryStream();
        if (what == "report")
            CoverReportDocx.Write(report, output);
        else
            XlsxPlanWriter.Write(table, output);
        return watch.Elapsed.TotalSeconds;
    }

    var first = Time();
    var median = Enumerable.Range(0, 5).Select(_ => Time()).Order().ElementAt(2);
    var name = what == "report" ? "committee .docx" : ".xlsx export";
    Console.WriteLine($"{name} of a {actions}-action plan: first {first:0.000} s, median of 5 {median:0.000} s (budget 1 s)");
    var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
    Directory.CreateDirectory(results);
    await File.WriteAllTextAsync(Path.Combine(results, what + ".json"), JsonSerializer.Serialize(new
    {
        date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        command = $"dotnet run -c Release --project bench/ServicePlan.Bench -- {what} --actions {actions}",
        actions,
        firstSeconds = first,
        medianSeconds = median,
        withinBudget = first < 1,
    }, new JsonSerializerOptions { WriteIndented = true }));
    return first < 1 ? 0 : 1;
}

// VmHWM: the most resident memory this process ever had.
static double PeakResidentMegabytes() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();
