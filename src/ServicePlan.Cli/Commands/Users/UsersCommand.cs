using ServicePlan.Users;

namespace ServicePlan.Cli.Commands.Users;

/// <summary>
/// `serviceplan users add --email e --role r`: how a production install gets its first administrator.
/// The password comes from standard input when it is piped in; otherwise one is generated and shown once.
/// </summary>
public static class UsersCommand
{
    public static Command Create(Option<string?> db)
    {
        var email = new Option<string>("--email") { Description = "The user's email address, which is also their sign-in name", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
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

            var result = await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(role)!, org.Id, password, ct);
            switch (result)
            {
                case AddUserResult.Added added:
                    Console.Out.WriteLine($"Added {added.User.Email} as {parse.GetValue(role)} of {org.Name}.");
                    if (added.GeneratedPassword is not null)
                        Console.Out.WriteLine($"Password (shown once; they will be asked to change it): {added.GeneratedPassword}");
                    return 0;
                case AddUserResult.Refused refused:
                    throw new CliException("The user was not added: " + string.Join(" ", refused.Errors), exitCode: 1);
                default:
                    return 1;
            }
        });

        return new Command("users", "Users and their roles") { add };
    }
}
