using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace ServicePlan.Reminders;

/// <summary>Writes a reminder digest as an e-mail: plain text and simple HTML saying the same, with links into the app.</summary>
public static class ReminderEmails
{
    private const int LongestTitle = 150;

    public static MimeMessage Compose(ReminderDigest digest, ReminderOptions options)
    {
        var app = options.AppUrl.TrimEnd('/');
        var text = new StringBuilder();
        var html = new StringBuilder();
        void Paragraph(string words)
        {
            text.Append(words).Append("\n\n");
            html.Append("<p>").Append(Encode(words)).Append("</p>\n");
        }

        void Link(string before, string url)
        {
            text.Append(before).Append(' ').Append(url).Append("\n\n");
            html.Append("<p>").Append(Encode(before)).Append(" <a href=\"").Append(Encode(url)).Append("\">").Append(Encode(url)).Append("</a></p>\n");
        }

        void ActionList(IEnumerable<ActionToUpdate> actions, bool withLeads)
        {
            html.Append("<ul>\n");
            foreach (var action in actions)
            {
                var title = Shorten(action.DoesWhat);
                var who = withLeads && action.LeadsText.Length > 0 ? $" (Who: {action.LeadsText})" : "";
                var url = $"{app}/actions/{action.Id}/progress";
                text.Append("- ").Append(action.Ref).Append(": ").Append(title).Append(who).Append('\n').Append("  ").Append(url).Append('\n');
                html.Append("<li><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(action.Ref)).Append("</a>: ")
                    .Append(Encode(title)).Append(Encode(who)).Append("</li>\n");
            }

            text.Append('\n');
            html.Append("</ul>\n");
        }

        var review = $"the {digest.ReviewLabel} review of {digest.PlanTitle}";
        string subject;
        Paragraph($"Dear {digest.RecipientName},");
        switch (digest.Key.Kind)
        {
            case ReminderKind.ReviewOpened:
                subject = $"{digest.ReviewLabel} is open: {Count(digest.Actions.Count)} of your actions {Needs(digest.Actions.Count)} an update";
                Paragraph($"{Capitalise(review)} is open. Please add a progress update, with a rating and a comment, to each of these actions you lead:");
                ActionList(digest.Actions, withLeads: false);
                Link("All your actions are on your My actions page:", $"{app}/my-actions");
                Paragraph("You will get a reminder each week until all your actions have their update or the review closes.");
                break;
            case ReminderKind.WeeklyReminder:
                subject = $"Reminder: {Count(digest.Actions.Count)} of your actions still {Needs(digest.Actions.Count)} an update for {digest.ReviewLabel}";
                Paragraph($"{Capitalise(review)} is still open, and these actions you lead do not have their update yet:");
                ActionList(digest.Actions, withLeads: false);
                Link("All your actions are on your My actions page:", $"{app}/my-actions");
                break;
            case ReminderKind.Chase:
                subject = $"Please update your actions for {digest.ReviewLabel} of {digest.PlanTitle}";
                var asker = string.IsNullOrWhiteSpace(digest.RequestedBy) ? "The plan's owner" : digest.RequestedBy;
                Paragraph($"{asker} has asked you to add your progress updates for {review}.");
                Paragraph(digest.Actions.Count == 1
                    ? "This action you lead does not have its update yet. Please add a rating and a comment:"
                    : $"These {Count(digest.Actions.Count)} actions you lead do not have their update yet. Please add a rating and a comment to each:");
                ActionList(digest.Actions, withLeads: false);
                Link("All your actions are on your My actions page:", $"{app}/my-actions");
                break;
            default:
                var waiting = digest.NotUpdated.SelectMany(l => l.Actions).Concat(digest.NobodyToRemind).Select(a => a.Id).Distinct().Count();
                subject = $"{digest.ReviewLabel}: {Count(waiting)} {(waiting == 1 ? "action still needs" : "actions still need")} an update";
                Paragraph($"In {review}, {Count(waiting)} {(waiting == 1 ? "action still needs" : "actions still need")} an update.");
                if (digest.NotUpdated.Count > 0)
                {
                    Paragraph("These people have not yet updated all their actions:");
                    foreach (var lead in digest.NotUpdated)
                    {
                        text.Append(lead.Name).Append(" (").Append(Count(lead.Actions.Count)).Append(lead.Actions.Count == 1 ? " action" : " actions").Append("):\n");
                        html.Append("<h2>").Append(Encode(lead.Name)).Append("</h2>\n");
                        ActionList(lead.Actions, withLeads: false);
                    }
                }

                if (digest.NobodyToRemind.Count > 0)
                {
                    Paragraph("Nobody could be reminded about these actions, because none of their leads has a ServicePlan account with an e-mail address:");
                    ActionList(digest.NobodyToRemind, withLeads: true);
                }

                Link("See the review:", $"{app}/reviews/{digest.Key.ReviewId}");
                break;
        }

        Paragraph("This is an automatic e-mail from ServicePlan. Please do not reply to it.");

        return MailServer.Message(options, digest.RecipientName, digest.RecipientEmail, subject, text.ToString(), html.ToString());
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Needs(int n) => n == 1 ? "needs" : "need";

    private static string Capitalise(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static string Encode(string words) => WebUtility.HtmlEncode(words);

    /// <summary>"Does what?" can be a paragraph; the e-mail needs enough to recognise the action.</summary>
    private static string Shorten(string words)
    {
        var flat = string.Join(' ', words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= LongestTitle ? flat : flat[..LongestTitle].TrimEnd() + "…";
    }
}
