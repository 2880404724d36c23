using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServicePlan.Reminders;

/// <summary>
/// One check for reminders: works out what is due, claims each e-mail in the database, then sends it. Run by
/// <see cref="ReminderService"/> on a timer; tests call <see cref="RunOnceAsync"/> directly.
/// Logs counts only: names and addresses are personal data and stay out of the logs.
/// </summary>
public sealed class ReminderSender(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, ILogger<ReminderSender> logger)
{
    // One check at a time in this copy of the app; the database's unique index covers other copies.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Sends what is due now and returns how many e-mails went. Does nothing when reminders are off.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return 0;

        await _oneAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var due = await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().DueAsync(ct);
            if (due.Count == 0)
                return 0;

            var ledger = scope.ServiceProvider.GetRequiredService<ReminderLedger>();
            using var smtp = new SmtpClient();
            try
            {
                await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                    await smtp.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", ct);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SslHandshakeException or AuthenticationException or SmtpCommandException or SmtpProtocolException)
            {
                // Nothing has been claimed yet, so everything due is tried again at the next check.
                logger.LogWarning("Could not connect to the mail server ({Problem}); {Count} reminder e-mails wait for the next check.", ex.GetType().Name, due.Count);
                return 0;
            }

            var sent = await SendAsync(smtp, ledger, due, settings, ct);
            try
            {
                await smtp.DisconnectAsync(quit: true, ct);
            }
            catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException)
            {
                // Everything was handed over before this; a server that drops the line at QUIT loses nothing.
            }

            return sent;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<int> SendAsync(SmtpClient smtp, ReminderLedger ledger, IReadOnlyList<ReminderDigest> due, ReminderOptions settings, CancellationToken ct)
    {
        var sent = new Dictionary<ReminderKind, int>();
        var refused = 0;
        foreach (var digest in due)
        {
            if (!await ledger.ClaimAsync(digest.Key, ct))
                continue;

            try
            {
                await smtp.SendAsync(ReminderEmails.Compose(digest, settings), ct);
                sent[digest.Key.Kind] = sent.GetValueOrDefault(digest.Key.Kind) + 1;
            }
            catch (SmtpCommandException ex)
            {
                // The server answered no, so it did not take the e-mail: give the claim back to try at the next check.
                // Its message may quote the address, so only the status is logged.
                refused++;
                await ledger.ReleaseAsync(digest.Key, CancellationToken.None);
                logger.LogWarning("The mail server refused a reminder e-mail ({Status}); it will be tried again at the next check.", ex.StatusCode);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // The line dropped mid-send: the server may or may not have it. The claim stays, so it is never sent
                // twice; the rest wait for the next check.
                logger.LogError("Lost the mail server while sending a reminder e-mail ({Problem}); the rest wait for the next check.", ex.GetType().Name);
                break;
            }
        }

        var total = sent.Values.Sum();
        if (total > 0 || refused > 0)
        {
            logger.LogInformation(
                "Sent {Total} reminder e-mails: {Opened} review-opened, {Weekly} weekly, {Owner} owner digests; {Refused} refused.",
                total, sent.GetValueOrDefault(ReminderKind.ReviewOpened), sent.GetValueOrDefault(ReminderKind.WeeklyReminder), sent.GetValueOrDefault(ReminderKind.OwnerDigest), refused);
        }

        return total;
    }
}
