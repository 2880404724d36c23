using System.Diagnostics;

namespace ServicePlan.IntegrationTests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the built CLI or web app as a real process, as a user or a script would.</summary>
public static class Processes
{
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "serviceplan.dll");
    public static string WebApp => Path.Combine(AppContext.BaseDirectory, "ServicePlan.Web.dll");

    /// <summary>
    /// Starts the built CLI or web app and leaves it running, for a test that stops it part-way (<see cref="Process.Kill(bool)"/>
    /// is SIGKILL on Linux, as kill -9). Its output is read as it comes, so a chatty process never blocks on a full pipe.
    /// </summary>
    public static RunningProcess StartDotnet(string dll, IEnumerable<string> arguments) =>
        new(Process.Start(StartInfo(dll, arguments, redirectInput: false))!);

    public static async Task<ProcessResult> RunDotnetAsync(string dll, IEnumerable<string> arguments, string? standardInput = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = StartInfo(dll, arguments, redirectInput: true);
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

    /// <summary>`dotnet DLL ARGUMENTS` in the test output folder, output captured, never pointed at the test run's PostgreSQL server.</summary>
    private static ProcessStartInfo StartInfo(string dll, IEnumerable<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove(TestDatabase.PostgresVariable);
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }
}

/// <summary>A process a test started and may kill; what it has written so far is kept.</summary>
public sealed class RunningProcess : IDisposable
{
    private readonly System.Text.StringBuilder _output = new();

    public RunningProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
