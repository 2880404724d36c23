using System.Net;
using MailKit.Net.Smtp;
using MimeKit;
using ServicePlan.Reminders;

namespace ServicePlan.Users;

/// <summary>
/// The e-mails about someone's account: an invitation to set their first password, and a password reset. They go
/// through the mail server the reminders use (the "Reminders" settings), and only when that is turned on.
/// </summary>
public static class AccountEmails
{
    /// <summary>Whether account e-mails can be sent: the reminders' mail settings are on and complete.</summary>
    public static bool CanSend(ReminderOptions settings) => settings.Enabled && settings.Problems().Count == 0;

    /// <summary>The link's full address in an e-mail: the app's address from the settings, then the path.</summary>
    public static string FullLink(ReminderOptions settings, string path) => settings.AppUrl.TrimEnd('/') + path;

    public static MimeMessage Invitation(ReminderOptions settings, string name, string email, string invitedBy, string path) =>
        Compose(settings, name, email, "You have been invited to ServicePlan",
        [
            $"{invitedBy} has given you an account on ServicePlan, where your service keeps its Service Development Plan. You can update the progress of the actions you lead.",
            "To start, choose your password:",
        ],
        FullLink(settings, path),
        [
            $"The link works once, for {PasswordLinkTokenProvider.Lifetime.Days} days. After that, ask whoever invited you for a new one.",
            $"You will sign in with this e-mail address, {email}.",
        ]);

    public static MimeMessage PasswordReset(ReminderOptions settings, string name, string email, string path) =>
        Compose(settings, name, email, "Choose a new ServicePlan password",
        [
            "Your ServicePlan administrator has sent you a link to choose a new password:",
        ],
        FullLink(settings, path),
        [
            $"The link works once, for {PasswordLinkTokenProvider.Lifetime.Days} days. Your current password keeps working until you choose a new one.",
            "If you did not expect this e-mail, tell your ServicePlan administrator.",
        ]);

    /// <summary>Sends one e-mail; false, having sent nothing, when the mail server could not be reached or refused it.</summary>
    public static async Task<bool> SendAsync(ReminderOptions settings, MimeMessage message, CancellationToken ct)
    {
        using var smtp = new SmtpClient();
        if (await MailServer.ConnectAsync(smtp, settings, ct) is not null)
            return false;
        try
        {
            await smtp.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or MailKit.ServiceNotConnectedException)
        {
            return false;
        }

        await MailServer.DisconnectAsync(smtp, ct);
        return true;
    }

    private static MimeMessage Compose(ReminderOptions settings, string name, string email, string subject, string[] before, string link, string[] after)
    {
        var text = new System.Text.StringBuilder();
        var html = new System.Text.StringBuilder();
        foreach (var paragraph in new[] { $"Dear {name}," }.Concat(before))
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        text.Append(link).Append("\n\n");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(link)).Append("</a></p>\n");
        foreach (var paragraph in after.Append("This is an automatic e-mail from ServicePlan. Please do not reply to it."))
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        return MailServer.Message(settings, name, email, subject, text.ToString(), html.ToString());
    }
}
