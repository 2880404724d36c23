using ServicePlan.Dates;
using ServicePlan.Users;
using Spectre.Console;

namespace ServicePlan.Cli.Commands.Users;

/// <summary>
/// `serviceplan users …`: adding accounts (how a production install gets its first administrator) and scripted
/// administration: list, set-role, deactivate, reactivate. The same library code as the users pages.
/// </summary>
public static class UsersCommand
{
    private static readonly string RoleHelp = $"One of {Roles.DisplayNames} (or {string.Join(", ", Roles.All)}); any case";

    public static Command Create(Option<string?> db)
    {
        return new Command("users", "Users and their roles") { Add(db), List(db), SetRole(db), Deactivate(db), Reactivate(db) };
    }

    private static Command Add(Option<string?> db)
    {
        var email = new Option<string>("--email") { Description = "The user's email address, which is also their sign-in name", Required = true };
        var role = new Option<string>("--role") { Description = RoleHelp, Required = true };
        role.Validators.Add(result =>
        {
            if (Roles.Parse(result.GetValueOrDefault<string>()) is null)
                result.AddError($"\"{result.GetValueOrDefault<string>()}\" is not a role. Use one of: {Roles.DisplayNames}.");
        });
        var name = new Option<string?>("--name") { Description = "The user's name as others will see it" };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation (created if it does not exist); needed only when there are several" };

        var add = new Command("add", "Add a user with a role") { email, role, name, organisation };
        add.SetAction(async (parse, ct) =>
        {
            string? password = null;
            if (Console.IsInputRedirected)
                password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');

            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

            ServicePlan.Users.Organisation org;
            try
            {
                org = await OrganisationChoice.ResolveAsync(scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>(), parse.GetValue(organisation), ct);
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message);
            }

            var stored = Roles.Parse(parse.GetValue(role))!;
            var result = await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(name), stored, org.Id, password, ct);
            switch (result)
            {
                case AddUserResult.Added added:
                    Console.Out.WriteLine($"Added {added.User.Email} as {Roles.DisplayName(stored)} of {org.Name}.");
                    if (added.GeneratedPassword is not null)
                        Console.Out.WriteLine($"Password (shown once; they will be asked to change it): {added.GeneratedPassword}");
                    return 0;
                case AddUserResult.Refused refused:
                    throw new CliException("The user was not added: " + string.Join(" ", refused.Errors), exitCode: 1);
                default:
                    return 1;
            }
        });
        return add;
    }

    private static Command List(Option<string?> db)
    {
        var list = new Command("list", "List the users: e-mail, name, role, whether active, last sign-in (UK time)");
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(null, ct);
            if (users.Count == 0)
            {
                Console.Out.WriteLine("There are no users.");
                return 0;
            }

            var table = new Table().AddColumns("Email", "Name", "Role", "Status", "Last signed in");
            foreach (var user in users)
            {
                table.AddRow(
                    Markup.Escape(user.Email), Markup.Escape(user.Name), Markup.Escape(user.RoleName), user.Deactivated ? "deactivated" : "active",
                    user.LastSignInAtUtc is { } at ? UkTime.Sortable(at) : "never");
            }

            if (Console.IsOutputRedirected)
                AnsiConsole.Console.Profile.Width = 240;
            AnsiConsole.Write(table);
            return 0;
        });
        return list;
    }

    private static Command SetRole(Option<string?> db)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var role = new Argument<string>("role") { Description = RoleHelp };
        var command = new Command("set-role", "Change a user's role; it applies on their next request") { email, role };
        command.SetAction((parse, ct) => ChangeAsync(parse, db, parse.GetValue(email)!, ct,
            (administration, user) => administration.ChangeRoleAsync(null, user.Id, parse.GetValue(role)!, null, ct)));
        return command;
    }

    private static Command Deactivate(Option<string?> db)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var command = new Command("deactivate", "Stop a user signing in or using their API keys, at once; their name and history stay") { email };
        command.SetAction((parse, ct) => ChangeAsync(parse, db, parse.GetValue(email)!, ct,
            (administration, user) => administration.DeactivateAsync(null, user.Id, null, null, ct)));
        return command;
    }

    private static Command Reactivate(Option<string?> db)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var command = new Command("reactivate", "Let a deactivated user sign in and use their API keys again") { email };
        command.SetAction((parse, ct) => ChangeAsync(parse, db, parse.GetValue(email)!, ct,
            (administration, user) => administration.ReactivateAsync(null, user.Id, null, ct)));
        return command;
    }

    private static async Task<int> ChangeAsync(
        ParseResult parse, Option<string?> db, string email, CancellationToken ct, Func<UserAdministration, UserSummary, Task<UserChangeResult>> change)
    {
        await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
        await using var scope = services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await administration.FindByEmailAsync(email, ct)
            ?? throw new CliException($"There is no user with the e-mail address \"{email.Trim()}\".", exitCode: 1);
        return await change(administration, user) switch
        {
            UserChangeResult.Done done => Done(done.Message),
            UserChangeResult.Refused refused => throw new CliException(refused.Message + ".", exitCode: 1),
            UserChangeResult.Conflict conflict => throw new CliException(conflict.Message + ".", exitCode: 1),
            _ => throw new CliException($"There is no user with the e-mail address \"{email.Trim()}\".", exitCode: 1),
        };
    }

    private static int Done(string message)
    {
        Console.Out.WriteLine(message + ".");
        return 0;
    }
}
