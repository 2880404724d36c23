using MailKit;
using MailKit.Net.Smtp;
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
            // Nothing has been claimed yet, so when the server cannot be reached everything due is tried again at the next check.
            if (!await ConnectAsync(smtp, settings, due.Count, "wait for the next check", ct))
                return 0;

            var outcomes = await SendAsync(smtp, ledger, due, settings, ct);
            await DisconnectAsync(smtp, ct);
            return outcomes.Count(o => o.Value == SendOutcome.Sent);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Sends these reminders now, as the owner's "Send a reminder" asks: each is claimed in the ledger before it goes,
    /// exactly as the timed ones are, so pressing twice, or two owners pressing at once, sends it once. Says what
    /// happened to each; anything not <see cref="SendOutcome.Sent"/> or <see cref="SendOutcome.AlreadySent"/> can be tried again.
    /// </summary>
    public async Task<IReadOnlyDictionary<ReminderKey, SendOutcome>> SendNowAsync(IReadOnlyList<ReminderDigest> digests, CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.Enabled || digests.Count == 0)
            return digests.ToDictionary(d => d.Key, _ => SendOutcome.NotSent);

        await using var scope = scopes.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<ReminderLedger>();
        using var smtp = new SmtpClient();
        if (!await ConnectAsync(smtp, settings, digests.Count, "were not sent", ct))
            return digests.ToDictionary(d => d.Key, _ => SendOutcome.NotSent);

        var outcomes = await SendAsync(smtp, ledger, digests, settings, ct);
        await DisconnectAsync(smtp, ct);
        return digests.ToDictionary(d => d.Key, d => outcomes.GetValueOrDefault(d.Key, SendOutcome.NotSent));
    }

    private async Task<bool> ConnectAsync(SmtpClient smtp, ReminderOptions settings, int waiting, string whatHappens, CancellationToken ct)
    {
        if (await MailServer.ConnectAsync(smtp, settings, ct) is not { } problem)
            return true;
        logger.LogWarning("Could not connect to the mail server ({Problem}); {Count} reminder e-mails {WhatHappens}.", problem, waiting, whatHappens);
        return false;
    }

    private static Task DisconnectAsync(SmtpClient smtp, CancellationToken ct) => MailServer.DisconnectAsync(smtp, ct);

    private async Task<Dictionary<ReminderKey, SendOutcome>> SendAsync(SmtpClient smtp, ReminderLedger ledger, IReadOnlyList<ReminderDigest> due, ReminderOptions settings, CancellationToken ct)
    {
        var outcomes = new Dictionary<ReminderKey, SendOutcome>();
        var sent = new Dictionary<ReminderKind, int>();
        var refused = 0;
        foreach (var digest in due)
        {
            if (!await ledger.ClaimAsync(digest.Key, ct))
            {
                outcomes[digest.Key] = SendOutcome.AlreadySent;
                continue;
            }

            try
            {
                await smtp.SendAsync(ReminderEmails.Compose(digest, settings), ct);
                sent[digest.Key.Kind] = sent.GetValueOrDefault(digest.Key.Kind) + 1;
                outcomes[digest.Key] = SendOutcome.Sent;
            }
            catch (SmtpCommandException ex)
            {
                // The server answered no, so it did not take the e-mail: give the claim back to try at the next check.
                // Its message may quote the address, so only the status is logged.
                refused++;
                outcomes[digest.Key] = SendOutcome.NotSent;
                await ledger.ReleaseAsync(digest.Key, CancellationToken.None);
                logger.LogWarning("The mail server refused a reminder e-mail ({Status}); it will be tried again at the next check.", ex.StatusCode);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // The line dropped mid-send: the server may or may not have it. The claim stays, so it is never sent
                // twice; the rest wait for the next check.
                outcomes[digest.Key] = SendOutcome.NotSent;
                logger.LogError("Lost the mail server while sending a reminder e-mail ({Problem}); the rest wait for the next check.", ex.GetType().Name);
                break;
            }
        }

        var total = sent.Values.Sum();
        if (total > 0 || refused > 0)
        {
            logger.LogInformation(
                "Sent {Total} reminder e-mails: {Opened} review-opened, {Weekly} weekly, {Owner} owner digests, {Chase} chased from the review page; {Refused} refused.",
                total, sent.GetValueOrDefault(ReminderKind.ReviewOpened), sent.GetValueOrDefault(ReminderKind.WeeklyReminder), sent.GetValueOrDefault(ReminderKind.OwnerDigest),
                sent.GetValueOrDefault(ReminderKind.Chase), refused);
        }

        return outcomes;
    }
}

/// <summary>What became of one reminder e-mail handed to <see cref="ReminderSender.SendNowAsync"/>.</summary>
public enum SendOutcome
{
    Sent,

    /// <summary>Its claim was already in the ledger: someone sent it first.</summary>
    AlreadySent,

    /// <summary>Reminders are off, or the mail server could not be reached or refused it.</summary>
    NotSent,
}
