using MimeKit;

namespace ServicePlan.Reminders;

/// <summary>The "Reminders" section of appsettings: reminder e-mails to leads and owners while a review is open. Off unless turned on.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; }
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The sender, e.g. "ServicePlan &lt;serviceplan@council.gov.uk&gt;".</summary>
    public string From { get; set; } = "";

    /// <summary>How often the app looks for reminders to send. Weekly reminders go at the first check after each week has passed.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The app's address as people open it, e.g. "https://serviceplan.council.gov.uk": e-mails link to it.</summary>
    public string AppUrl { get; set; } = "";

    /// <summary>What is wrong with the settings when reminders are on, in the words of whoever configures it; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled)
            return [];
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Smtp.Host))
            problems.Add("Reminders:Smtp:Host is empty: give the mail server's name.");
        if (Smtp.Port is < 1 or > 65535)
            problems.Add("Reminders:Smtp:Port must be between 1 and 65535.");
        if (!MailboxAddress.TryParse(From, out _))
            problems.Add("Reminders:From must be an e-mail address, like ServicePlan <serviceplan@council.gov.uk>.");
        if (!Uri.TryCreate(AppUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add("Reminders:AppUrl must be the app's full address, like https://serviceplan.council.gov.uk.");
        if (CheckEvery <= TimeSpan.Zero)
            problems.Add("Reminders:CheckEvery must be longer than zero, like 00:15:00.");
        return problems;
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>True: the connection must be upgraded with STARTTLS. False: plain SMTP, for a relay on the same network.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Empty for a server that does not ask for a sign-in.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>Stops the app at start-up, saying what to fix, when reminders are on but cannot work.</summary>
public sealed class ReminderOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<ReminderOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ReminderOptions options) =>
        options.Problems() is { Count: > 0 } problems
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
