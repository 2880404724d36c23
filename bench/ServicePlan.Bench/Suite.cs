using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Demo;
using ServicePlan.Export;
using ServicePlan.Import;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.Bench;

/// <summary>One page or endpoint measured by wrk at one concurrency.</summary>
public sealed record CaseResult(string Case, int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, long Bytes, double P99VsFloor, int Errors);

/// <summary>
/// The HTTP benchmark suite: the app published in Release on loopback with a 1,000-action plan (four updates per
/// action), each page measured with wrk for a fixed time at 1, 8 and 32 connections, against the floor of a static file
/// of the same size served by the same app. Then the document timings and the app's resident memory.
/// </summary>
public static partial class Suite
{
    private static readonly int[] Concurrency = [1, 8, 32];

    /// <summary>What to measure: the plan's size, seconds per case, and the database (a new SQLite file unless a PostgreSQL
    /// connection string is given), optionally filled first with generated councils so the plan sits in a large database.</summary>
    public sealed record Options(int Actions, int Seconds, string? Postgres, DemoRequest? Background, bool Serve);

    public static async Task<int> RunAsync(string repository, Options options)
    {
        var wrk = Which("wrk") ?? throw new InvalidOperationException("wrk is not installed: run bench/run-suite.sh, which installs it (apt-get install wrk).");
        var folder = Directory.CreateTempSubdirectory("serviceplan-suite-").FullName;
        var app = Path.Combine(folder, "app");
        Console.WriteLine("Publishing the web app in Release…");
        await RunAsync("dotnet", ["publish", Path.Combine(repository, "src", "ServicePlan.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "q"]);

        var connection = options.Postgres ?? $"Data Source={Path.Combine(folder, "bench.db")}";
        var databaseName = options.Postgres is null ? "SQLite" : "PostgreSQL";
        const string url = "http://127.0.0.1:5098";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "ServicePlan.Web.dll"), "--urls", url]) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__ServicePlan"] = connection;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The API's per-user rate limit would measure the limiter, not the API.
        start.Environment["RequestLimits__ApiPerMinute"] = "100000000";
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.Ordinal)) Console.Error.WriteLine("  app: " + line); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            await WaitForHealthAsync(http);
            var database = ServicePlanDatabase.FromConnectionString(connection);
            long databaseActions = 0;
            if (options.Background is { } background)
                await GenerateBackgroundAsync(database, background);

            var (planId, actionId) = await LoadPlanAsync(database, options.Actions);
            await using (var db = database.CreateContext())
                databaseActions = await db.Actions.LongCountAsync();
            Console.WriteLine($"The measured plan has {options.Actions:N0} actions; the {databaseName} database holds {databaseActions:N0}.");
            var cookie = await SignInAsync(http);
            var apiKey = await CreateApiKeyAsync(http);

            if (options.Serve)
            {
                Console.WriteLine($"Serving {url} (plan /plans/{planId}, action /actions/{actionId}, app pid {server.Id}).");
                Console.WriteLine($"Cookie: {cookie}");
                Console.WriteLine($"{ApiKeyText.Header}: {apiKey}");
                Console.WriteLine("Press Enter to stop.");
                Console.ReadLine();
                return 0;
            }

            var listPage = await http.GetByteArrayAsync($"/plans/{planId}/actions");
            var floor = Path.Combine(app, "wwwroot", "bench-floor.html");
            await File.WriteAllBytesAsync(floor, Enumerable.Repeat((byte)'x', listPage.Length).ToArray());

            (string Name, string Path, string Header)[] cases =
            [
                ("static file (floor)", "/bench-floor.html", $"Cookie: {cookie}"),
                ("plan overview", $"/plans/{planId}", $"Cookie: {cookie}"),
                ("action list, all", $"/plans/{planId}/actions", $"Cookie: {cookie}"),
                ("action list, amber", $"/plans/{planId}/actions?rating=amber", $"Cookie: {cookie}"),
                ("action page", $"/actions/{actionId}", $"Cookie: {cookie}"),
                ("actions JSON API", $"/api/plans/{planId}/actions", $"{ApiKeyText.Header}: {apiKey}"),
            ];

            // Warm up each case first, unrecorded: the JIT's tiering and the caches' first fill are not what a user meets
            // on a server that has been up a while.
            Console.WriteLine("Warming up…");
            foreach (var (_, path, header) in cases)
                await WrkAsync(wrk, url + path, header, 8, Math.Max(3, options.Seconds / 4));

            var results = new List<CaseResult>();
            foreach (var connections in Concurrency)
            {
                double? floorP99 = null;
                foreach (var (name, path, header) in cases)
                {
                    var bytes = (await Get(http, path, header)).LongLength;
                    var measured = await WrkAsync(wrk, url + path, header, connections, options.Seconds);
                    floorP99 ??= measured.P99Ms;
                    var result = new CaseResult(name, connections, measured.Rps, measured.P50Ms, measured.P99Ms, bytes, measured.P99Ms / floorP99.Value, measured.Errors);
                    results.Add(result);
                    Console.WriteLine($"  {name,-22} c={connections,-3} {result.RequestsPerSecond,8:0} req/s  p50 {result.P50Ms,7:0.00} ms  p99 {result.P99Ms,7:0.00} ms  {bytes,9:N0} B  p99/floor {result.P99VsFloor,5:0.0}{(result.Errors > 0 ? $"  {result.Errors} errors" : "")}");
                }
            }

            var residentMb = ResidentMegabytes(server.Id);
            Print(results, residentMb);
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                var plans = Path.Combine(repository, "bench", "results", "query-plans-postgresql.md");
                await File.WriteAllTextAsync(plans, await QueryPlans.ExplainAsync(database, planId, databaseActions));
                Console.WriteLine($"Query plans written to {plans}");
            }

            var file = options.Postgres is null ? "suite-sqlite.json" : "suite-postgresql.json";
            await File.WriteAllTextAsync(Path.Combine(repository, "bench", "results", file), JsonSerializer.Serialize(new
            {
                date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                command = "bench/run-suite.sh" + (options.Postgres is null ? "" : " --postgres") + (options.Seconds == 20 ? "" : $" --seconds {options.Seconds}"),
                database = databaseName,
                actions = options.Actions,
                databaseActions,
                secondsPerCase = options.Seconds,
                cases = results,
                residentMbAfter = residentMb,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Fills the database with generated councils first (the app has already migrated it and made the roles),
    /// then refreshes the planner's statistics as anyone would after a bulk load.</summary>
    private static async Task GenerateBackgroundAsync(ServicePlanDatabase database, DemoRequest request)
    {
        await using var db = database.CreateContext();
        if (await db.Actions.LongCountAsync() >= (long)request.Organisations * request.PlansPerOrganisation * request.ActionsPerPlan)
        {
            Console.WriteLine("The database already holds the generated councils.");
            return;
        }

        Console.WriteLine($"Generating {request.Organisations} organisations × {request.PlansPerOrganisation} plans × {request.ActionsPerPlan} actions…");
        var progress = new Progress<DemoProgress>(p => Console.Write($"\r  {p.ActionsWritten:N0} of {p.ActionsTotal:N0} actions"));
        var result = await new DemoGenerator(db, TimeProvider.System).GenerateAsync(request, progress);
        Console.WriteLine($"\r  {result.Actions:N0} actions and {result.Updates:N0} progress updates in {result.Elapsed.TotalSeconds:0} s");
        if (database.Provider == DatabaseProvider.PostgreSql)
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static void Print(List<CaseResult> results, double residentMb)
    {
        Console.WriteLine();
        Console.WriteLine($"| Case | Conn. | Requests/s | p50 ms | p99 ms | Bytes | p99 ÷ floor |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            Console.WriteLine($"| {r.Case} | {r.Connections} | {r.RequestsPerSecond:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Bytes:N0} | {r.P99VsFloor:0.0} |");
        Console.WriteLine();
        Console.WriteLine($"App resident memory after the suite: {residentMb:0} MB (budget 300 MB)");
    }

    /// <summary>Imports a generated plan into the demo organisation, then adds three more reviews' updates to every action.</summary>
    private static async Task<(Guid PlanId, Guid ActionId)> LoadPlanAsync(ServicePlanDatabase database, int actions)
    {
        await using var db = database.CreateContext();
        var organisation = await db.Organisations.Where(o => o.Name == DemoData.OrganisationName).Select(o => o.Id).SingleAsync();
        using var file = new MemoryStream();
        XlsxPlanWriter.Write(GeneratedPlan.Create(actions), file);
        file.Position = 0;
        var report = await new PlanImporter(db, TimeProvider.System).ImportAsync(file, new ImportRequest { FileName = "bench.xlsx", OrganisationId = organisation, Options = new() { Title = $"Benchmark plan, {actions} actions" } });
        var planId = report.PlanId ?? throw new InvalidOperationException(string.Join("; ", report.Errors));

        var ids = await db.Actions.Where(a => a.PlanId == planId).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync();
        var random = new Random(7);
        var at = new DateTime(2024, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        foreach (var quarter in Enumerable.Range(1, 3))
        {
            var review = new Review { PlanId = planId, Label = $"Q{quarter} 2024-25", Date = DateOnly.FromDateTime(at.AddMonths(3 * quarter)), Status = ReviewStatus.Closed };
            db.Reviews.Add(review);
            db.ProgressUpdates.AddRange(ids.Select(id => new ProgressUpdate
            {
                ActionId = id,
                ReviewId = review.Id,
                Rating = Ratings.All[random.Next(Ratings.All.Count)],
                Comment = $"Quarter {quarter}: progress reviewed at the management meeting; next steps agreed with the lead and recorded on the tracker.",
                AuthorName = "Benchmark",
                RecordedAtUtc = at.AddMonths(3 * quarter),
            }));
        }

        await db.SaveChangesAsync();
        return (planId, ids[ids.Count / 2]);
    }

    private static async Task<string> SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/account/sign-in");
        var token = Token().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@serviceplan.example",
            ["Input.Password"] = "demo-password-2024",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in to the benchmark app failed: {(int)response.StatusCode}");
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>Makes an API key the way a user does, on the account page, and reads it from the one response that shows it.</summary>
    private static async Task<string> CreateApiKeyAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/account/api-keys");
        var response = await http.PostAsync("/account/api-keys?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Benchmark",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        var page = await response.Content.ReadAsStringAsync();
        return ApiKeyPattern().Match(page) is { Success: true } key ? key.Value : throw new InvalidOperationException($"Making an API key failed: {(int)response.StatusCode}");
    }

    private static async Task<byte[]> Get(HttpClient http, string path, string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header.StartsWith(ApiKeyText.Header, StringComparison.Ordinal))
            request.Headers.Add(ApiKeyText.Header, header[(ApiKeyText.Header.Length + 2)..]);
        var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(double Rps, double P50Ms, double P99Ms, int Errors)> WrkAsync(string wrk, string url, string header, int connections, int seconds)
    {
        var output = await RunAsync(wrk, ["-t", Math.Min(connections, 2).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "-H", header, url]);
        double Latency(string percentile)
        {
            var match = Regex.Match(output, $@"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }

        var rps = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)") is { Success: true } bad ? int.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return (rps, Latency("50"), Latency("99"), errors);
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The benchmark app did not start within a minute.");
    }

    private static double ResidentMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    [GeneratedRegex(@"sp_[a-z2-9]{8}_[0-9a-fA-F]{16,}")]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
