using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServicePlan.Reminders;

/// <summary>
/// Checks for reminder e-mails every <see cref="ReminderOptions.CheckEvery"/> while the app runs. What was sent is in
/// the database, so stopping and starting the app (or running two copies) never sends one twice.
/// </summary>
public sealed class ReminderService(ReminderSender sender, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;

        logger.LogInformation("Reminder e-mails are on: checking every {Interval}.", options.Value.CheckEvery);
        // The first check waits one interval, so starting the app (and its database migrations) is not slowed.
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sender.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database hiccup must not stop reminders for good: the next check tries again.
                logger.LogError(ex, "Checking for reminder e-mails failed; trying again at the next check.");
            }
        }
    }
}
