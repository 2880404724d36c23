namespace ServicePlan.Web.Security;

/// <summary>
/// Refuses a NUL character (%00) in the query string with 400, as ASP.NET Core already does in the path and in a form
/// body. No text ServicePlan stores or searches can hold one, and PostgreSQL fails the whole query on it.
/// </summary>
public static class NulCharacters
{
    public static IApplicationBuilder UseNulRefusal(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    });
}
