using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePlan.Web.Security;

/// <summary>
/// Signing in with an API key: a request to /api/* with an <c>X-Api-Key: sp_&lt;prefix&gt;_&lt;secret&gt;</c> header is
/// the key's user, with the same claims (roles, organisation, name) the sign-in cookie carries. Everything else, and
/// every page and form, is the cookie's: a key never opens a page, so a leaked key cannot be used to change the plan
/// through the forms.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The default scheme: the key's for an API request that carries one, the cookie's for everything else.</summary>
    public const string CookieOrApiKey = "CookieOrApiKey";

    public static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                // AddIdentity made the cookie the default for everything; this runs after it and puts the selector first.
                options.DefaultScheme = CookieOrApiKey;
                options.DefaultAuthenticateScheme = CookieOrApiKey;
                options.DefaultChallengeScheme = CookieOrApiKey;
                options.DefaultForbidScheme = CookieOrApiKey;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, displayName: "API key", _ => { })
            .AddPolicyScheme(CookieOrApiKey, "Cookie or API key", options =>
                options.ForwardDefaultSelector = context => IsApiKeyRequest(context.Request) ? Scheme : IdentityConstants.ApplicationScheme);
    }

    /// <summary>The API and its OpenAPI document, which a script reads to know the API, take a key; pages never do.</summary>
    public static bool IsApiKeyRequest(HttpRequest request) =>
        ServicePlanApp.IsApi(request) && request.Headers.ContainsKey(ApiKeyText.Header);
}

/// <summary>Checks the key and builds the user's principal with the app's own claims factory.</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeys keys,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Which key made the request, for logs and any future per-key limits.</summary>
    public const string ApiKeyClaim = "serviceplan:api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The selector sends only API requests here; this keeps it so if the handler is ever named directly.
        if (!ApiKeyAuthentication.IsApiKeyRequest(Request))
            return AuthenticateResult.NoResult();

        var presented = Request.Headers[ApiKeyText.Header].ToString().Trim();
        var key = await keys.FindActiveAsync(presented, Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail("The API key is not valid.");

        var user = await users.FindByIdAsync(key.UserId);
        if (user is null)
            return AuthenticateResult.Fail("The API key is not valid.");

        // A deactivated account's keys stop with it, and work again if it is reactivated.
        if (user.IsDeactivated)
            return AuthenticateResult.Fail("The account is deactivated.");

        // A locked-out account's keys stop with its password: lockout is how an admin stops someone now.
        if (await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The account is locked.");

        await keys.TouchAsync(key, Context.RequestAborted);
        var principal = await claims.CreateAsync(user);
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(source.Claims, Scheme.Name, source.NameClaimType, source.RoleClaimType);
        identity.AddClaim(new Claim(ApiKeyClaim, key.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"" + ApiKeyText.Header + "\"";
        return Task.CompletedTask;
    }
}
