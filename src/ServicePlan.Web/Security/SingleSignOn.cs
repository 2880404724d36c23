using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ServicePlan.Web.Security;

/// <summary>
/// Optional sign-in with the council's identity provider over OpenID Connect (usually Microsoft Entra ID), from the
/// "SingleSignOn" settings. Off by default. It only says who someone is: what they may do still comes from their
/// ServicePlan account and role, which an administrator creates first.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "SingleSignOn";
    public const string Scheme = "council";

    public bool Enabled { get; set; }

    /// <summary>The button's words on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with your council account";

    /// <summary>For Entra ID: https://login.microsoftonline.com/{tenant-id}/v2.0</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Only for a test identity provider on plain HTTP; a real one must be HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

public static class SingleSignOn
{
    public static void AddSingleSignOn(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(SingleSignOnSettings.Section).Get<SingleSignOnSettings>() ?? new SingleSignOnSettings();
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
            return;

        var missing = new[] { ("Authority", settings.Authority), ("ClientId", settings.ClientId) }.Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Single sign-on is enabled but SingleSignOn:{string.Join(" and SingleSignOn:", missing)} is not set.");

        builder.Services.AddAuthentication().AddOpenIdConnect(SingleSignOnSettings.Scheme, settings.DisplayName, options =>
        {
            // The identity provider's answer is held in Identity's external cookie until the account is matched.
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.CallbackPath = settings.CallbackPath;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
        });
    }
}
