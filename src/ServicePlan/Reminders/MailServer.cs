using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ServicePlan.Reminders;

/// <summary>
/// The mail server every e-mail of the app goes through (the "Reminders" settings): connecting, letting go, and the
/// one shape of message, plain text and simple HTML saying the same.
/// </summary>
public static class MailServer
{
    /// <summary>Connects and signs in; the kind of problem (never its message, which may quote an address) when it cannot.</summary>
    public static async Task<string?> ConnectAsync(SmtpClient smtp, ReminderOptions settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                await smtp.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", ct);
            return null;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SslHandshakeException or AuthenticationException
                                       or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException)
        {
            return ex.GetType().Name;
        }
    }

    public static async Task DisconnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        try
        {
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException)
        {
            // Everything was handed over before this; a server that drops the line at QUIT loses nothing.
        }
    }

    /// <summary>An e-mail from the app to one person; <paramref name="html"/> is the body's HTML, already encoded.</summary>
    public static MimeMessage Message(ReminderOptions settings, string name, string email, string subject, string text, string html)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(name, email));
        message.Subject = subject;
        message.Body = new BodyBuilder
        {
            TextBody = text.TrimEnd() + "\n",
            HtmlBody = $"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<body style=\"font-family: Arial, sans-serif\">\n{html}</body>\n</html>\n",
        }.ToMessageBody();
        return message;
    }
}
