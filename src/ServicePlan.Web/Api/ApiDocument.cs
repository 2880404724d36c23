using System.Text.Json.Serialization;
using Microsoft.OpenApi;

namespace ServicePlan.Web.Api;

/// <summary>
/// The API's OpenAPI document (/openapi/v1.json) and the JSON it describes: numbers written and read as numbers only,
/// so the document types an integer as an integer, and the X-Api-Key header declared as how scripts sign in.
/// </summary>
public static class ApiDocument
{
    public const string SecurityScheme = "ApiKey";

    public static void AddServicePlanApiDocument(this IServiceCollection services)
    {
        // The web defaults also read numbers sent as strings, which OpenAPI can only say as "type": ["integer", "string"].
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ServicePlan API";
            document.Info.Description = "The Service Development Plan's JSON API. Sign in with an API key (made on the account's API keys page, or with `serviceplan api-keys create`) in the X-Api-Key header. Every error is an RFC 9457 problem (application/problem+json).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyText.Header,
                Description = "An API key, sp_<prefix>_<secret>: it acts as the user who made it, with their role and organisation.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] });
            return Task.CompletedTask;
        }));
    }
}
