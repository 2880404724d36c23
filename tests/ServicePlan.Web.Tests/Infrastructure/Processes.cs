using System.Diagnostics;

namespace ServicePlan.Web.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the built CLI or web app as a real process, as a user or a script would.</summary>
public static class Processes
{
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "serviceplan.dll");
    public static string WebApp => Path.Combine(AppContext.BaseDirectory, "ServicePlan.Web.dll");

    public static async Task<ProcessResult> RunDotnetAsync(string dll, IEnumerable<string> arguments, string? standardInput = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove(TestDatabase.PostgresVariable);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        if (standardInput is not null)
            await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', start.ArgumentList.Skip(1))} did not finish in time. Output so far: {await output}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
