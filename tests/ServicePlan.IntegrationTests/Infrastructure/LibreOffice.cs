using System.Diagnostics;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// Real LibreOffice and poppler: the documents ServicePlan writes must open and print in a real office suite, not just
/// satisfy the SDK's validator. Tests using this belong in the <see cref="RunAlone"/> collection.
/// </summary>
public static class LibreOffice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Prints the document to PDF with LibreOffice (in a profile of its own) and returns what pdftotext reads back, laid out.</summary>
    public static async Task<string> PrintedTextAsync(string document)
    {
        var libreOffice = Require("libreoffice", "soffice");
        var pdftotext = Require("pdftotext");
        var directory = Path.GetDirectoryName(Path.GetFullPath(document))!;

        var conversion = await RunAsync(libreOffice,
        [
            // A profile of its own, so a user's open LibreOffice or another test run cannot lock it.
            $"-env:UserInstallation=file://{Path.Combine(directory, $"lo-{Guid.NewGuid():N}")}",
            "--headless",
            "--convert-to", "pdf",
            "--outdir", directory,
            document,
        ]);

        var pdf = Path.ChangeExtension(Path.GetFullPath(document), ".pdf");
        Assert.True(conversion.ExitCode == 0, $"LibreOffice exited with {conversion.ExitCode}: {conversion.Output}");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF: {conversion.Output}");
        Assert.True(new FileInfo(pdf).Length > 0, "The PDF is empty.");

        var text = await RunAsync(pdftotext, ["-layout", pdf, "-"]);
        Assert.Equal(0, text.ExitCode);
        return text.Output;
    }

    /// <summary>The full path of the first of these programs on PATH; fails, naming the fix, when none is.</summary>
    private static string Require(params string[] programs) =>
        programs.Select(FindOnPath).FirstOrDefault(path => path is not null)
        ?? throw new InvalidOperationException(
            $"{string.Join(" or ", programs)} is not on PATH, so documents cannot be checked in a real office suite. "
            + "Run ./test.sh, which installs libreoffice-writer, libreoffice-calc and poppler-utils.");

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {Timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await output + await error);
    }
}
