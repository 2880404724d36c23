using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Core.Ratings;
using ServicePlan.Core.Reviews;
using ServicePlan.Data;
using ServicePlan.Data.Imports;
using ServicePlan.Data.Spreadsheets;

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

    public static async Task<int> RunAsync(string repository, int actions, int seconds)
    {
        var wrk = Which("wrk") ?? throw new InvalidOperationException("wrk is not installed: run bench/run-suite.sh, which installs it (apt-get install wrk).");
        var folder = Directory.CreateTempSubdirectory("serviceplan-suite-").FullName;
        var app = Path.Combine(folder, "app");
        Console.WriteLine("Publishing the web app in Release…");
        await RunAsync("dotnet", ["publish", Path.Combine(repository, "src", "ServicePlan.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "q"]);

        var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        const string url = "http://127.0.0.1:5098";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "ServicePlan.Web.dll"), "--urls", url]) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__ServicePlan"] = connection;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The API's per-user rate limit would measure the limiter, not the API.
        start.Environment["RequestLimits__ApiPerMinute"] = "100000000";
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            await WaitForHealthAsync(http);
            var (planId, actionId) = await LoadPlanAsync(connection, actions);
            var cookie = await SignInAsync(http);

            var listPage = await http.GetByteArrayAsync($"/plans/{planId}/actions");
            var floor = Path.Combine(app, "wwwroot", "bench-floor.html");
            await File.WriteAllBytesAsync(floor, Enumerable.Repeat((byte)'x', listPage.Length).ToArray());

            (string Name, string Path)[] cases =
            [
                ("static file (floor)", "/bench-floor.html"),
                ("plan overview", $"/plans/{planId}"),
                ("action list, all", $"/plans/{planId}/actions"),
                ("action list, amber", $"/plans/{planId}/actions?rating=amber"),
                ("action page", $"/actions/{actionId}"),
                ("actions JSON API", $"/api/plans/{planId}/actions"),
            ];

            var results = new List<CaseResult>();
            foreach (var connections in Concurrency)
            {
                double? floorP99 = null;
                foreach (var (name, path) in cases)
                {
                    var bytes = (await Get(http, path)).LongLength;
                    var measured = await WrkAsync(wrk, url + path, cookie, connections, seconds);
                    floorP99 ??= measured.P99Ms;
                    var result = new CaseResult(name, connections, measured.Rps, measured.P50Ms, measured.P99Ms, bytes, measured.P99Ms / floorP99.Value, measured.Errors);
                    results.Add(result);
                    Console.WriteLine($"  {name,-22} c={connections,-3} {result.RequestsPerSecond,8:0} req/s  p50 {result.P50Ms,7:0.00} ms  p99 {result.P99Ms,7:0.00} ms  {bytes,9:N0} B  p99/floor {result.P99VsFloor,5:0.0}{(result.Errors > 0 ? $"  {result.Errors} errors" : "")}");
                }
            }

            var residentMb = ResidentMegabytes(server.Id);
            Print(results, residentMb);
            await File.WriteAllTextAsync(Path.Combine(repository, "bench", "results", "suite-sqlite.json"), JsonSerializer.Serialize(new
            {
                date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                command = "bench/run-suite.sh",
                database = "SQLite",
                actions,
                secondsPerCase = seconds,
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
    private static async Task<(Guid PlanId, Guid ActionId)> LoadPlanAsync(string connection, int actions)
    {
        var database = ServicePlanDatabase.FromConnectionString(connection);
        await using var db = database.CreateContext();
        var organisation = await db.Organisations.Select(o => o.Id).FirstAsync();
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

    private static async Task<byte[]> Get(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(double Rps, double P50Ms, double P99Ms, int Errors)> WrkAsync(string wrk, string url, string cookie, int connections, int seconds)
    {
        var output = await RunAsync(wrk, ["-t", Math.Min(connections, 2).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--latency", "-H", $"Cookie: {cookie}", url]);
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
