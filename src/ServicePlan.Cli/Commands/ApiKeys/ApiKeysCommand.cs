using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Users;
using Spectre.Console;

namespace ServicePlan.Cli.Commands.ApiKeys;

/// <summary>
/// `serviceplan api-keys create --email e --name n | list [--email e] [--json] | revoke &lt;id or name&gt; [--email e]`: keys for
/// scripts, as each user makes them on their account page. A new key is printed once; the list never shows a secret.
/// </summary>
public static class ApiKeysCommand
{
    public static Command Create(Option<string?> db)
    {
        var email = new Option<string>("--email") { Description = "The e-mail address of the user the key acts as", Required = true };
        var name = new Option<string>("--name") { Description = "What the key is for, such as the script that will use it", Required = true };
        var create = new Command("create", "Make a key for a user: it is printed once, and only its hash is kept") { email, name };
        create.SetAction(async (parse, ct) =>
        {
            if (ServicePlan.Users.ApiKeys.NameProblem(parse.GetValue(name)) is { } problem)
                throw new CliException(problem + ".", exitCode: 1);
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var user = await UserAsync(scope.ServiceProvider, parse.GetValue(email)!, ct);
            var made = await scope.ServiceProvider.GetRequiredService<ServicePlan.Users.ApiKeys>().CreateAsync(user.Id, parse.GetValue(name)!, ct);
            Console.Error.WriteLine($"Made key \"{made.Record.Name}\" ({made.Record.Id}) for {user.Email}. It is shown once, below: copy it now.");
            Console.Out.WriteLine(made.Key);
            return 0;
        });

        var listEmail = new Option<string?>("--email") { Description = "Only this user's keys" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var list = new Command("list", "List keys: who each acts as, its name and first characters, when made, last used and revoked") { listEmail, json };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var userId = parse.GetValue(listEmail) is { } address ? (await UserAsync(scope.ServiceProvider, address, ct)).Id : null;
            var keys = await scope.ServiceProvider.GetRequiredService<ServicePlan.Users.ApiKeys>().ListWithOwnersAsync(userId, ct);

            if (parse.GetValue(json))
            {
                var rows = keys.Select(k => new
                {
                    id = k.Key.Id,
                    email = k.Email,
                    name = k.Key.Name,
                    prefix = ApiKeyText.Display(k.Key.Prefix),
                    createdAtUtc = k.Key.CreatedAtUtc,
                    lastUsedAtUtc = k.Key.LastUsedAtUtc,
                    revokedAtUtc = k.Key.RevokedAtUtc,
                });
                Console.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            if (keys.Count == 0)
            {
                Console.Out.WriteLine("There are no API keys.");
                return 0;
            }

            var table = new Table().AddColumns("Id", "User", "Name", "Key starts", "Made", "Last used", "Revoked");
            foreach (var (key, owner) in keys)
            {
                table.AddRow(
                    key.Id.ToString(), Markup.Escape(owner), Markup.Escape(key.Name), Markup.Escape(ApiKeyText.Display(key.Prefix)),
                    When(key.CreatedAtUtc), key.LastUsedAtUtc is { } used ? When(used) : "never", key.RevokedAtUtc is { } revoked ? When(revoked) : "");
            }

            if (Console.IsOutputRedirected)
                AnsiConsole.Console.Profile.Width = 240;
            AnsiConsole.Write(table);
            return 0;
        });

        var which = new Argument<string>("key") { Description = "The key's id, or its name" };
        var revokeEmail = new Option<string?>("--email") { Description = "The user whose key it is, when several users have a key of that name" };
        var revoke = new Command("revoke", "Revoke a key: it stops working at once") { which, revokeEmail };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var keys = scope.ServiceProvider.GetRequiredService<ServicePlan.Users.ApiKeys>();
            var userId = parse.GetValue(revokeEmail) is { } address ? (await UserAsync(scope.ServiceProvider, address, ct)).Id : null;
            var wanted = parse.GetValue(which)!.Trim();
            var all = await keys.ListWithOwnersAsync(userId, ct);
            var matches = Guid.TryParse(wanted, out var id)
                ? all.Where(k => k.Key.Id == id).ToList()
                : all.Where(k => string.Equals(k.Key.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
                throw new CliException($"There is no API key \"{wanted}\"{(userId is null ? "" : " of that user")}.", exitCode: 1);
            if (matches.Count > 1)
                throw new CliException($"{matches.Count} keys are called \"{wanted}\": give the key's id (see api-keys list), or the user with --email.", exitCode: 1);

            var (key, owner) = matches[0];
            if (key.IsRevoked)
            {
                Console.Out.WriteLine($"Key \"{key.Name}\" of {owner} was already revoked.");
                return 0;
            }

            await keys.RevokeAsync(key.UserId, key.Id, ct);
            Console.Out.WriteLine($"Revoked key \"{key.Name}\" of {owner}: it no longer works.");
            return 0;
        });

        return new Command("api-keys", "API keys for scripts") { create, list, revoke };
    }

    private static async Task<ApplicationUser> UserAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return await services.GetRequiredService<ServicePlanDbContext>().Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, ct)
            ?? throw new CliException($"There is no user with the e-mail address {email.Trim()}.", exitCode: 1);
    }

    private static string When(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
