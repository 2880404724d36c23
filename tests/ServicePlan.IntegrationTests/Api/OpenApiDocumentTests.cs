using System.Net;
using System.Text.Json;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document is what a council's developer writes a script from: every operation's success answer has a
/// schema, numbers are numbers, and it says how to sign in. It is read here as a script would, with an API key.
/// </summary>
[Trait("Category", "Database")]
public sealed class OpenApiDocumentTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var script = await app.ScriptAsync(Roles.Viewer);

        var response = await script.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Every_operations_success_answer_has_a_schema()
    {
        var document = await DocumentAsync();

        var missing = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2') && r.Name != "204"))
                {
                    var typed = response.Value.TryGetProperty("content", out var content)
                        && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any());
                    if (!typed)
                        missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name}");
                }
            }
        }

        Assert.True(operations >= 13, $"Only {operations} operations are described");
        Assert.True(missing.Count == 0, "Success answers with no schema:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public async Task No_integer_is_typed_as_a_string()
    {
        var document = await DocumentAsync();

        var wrong = new List<string>();
        void Walk(JsonElement element, string where)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.ValueKind is JsonValueKind.String or JsonValueKind.Array)
                {
                    var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
                    var integer = types.Contains("integer") || (element.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() is "int32" or "int64");
                    if (integer && types.Contains("string"))
                        wrong.Add(where);
                }

                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, where + "/" + property.Name);
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, $"{where}/{i++}");
            }
        }

        Walk(document, "#");

        Assert.True(wrong.Count == 0, "Integers typed as strings:\n  " + string.Join("\n  ", wrong));
        var ratings = document.GetProperty("components").GetProperty("schemas").GetProperty("RatingsJson").GetProperty("properties").GetProperty("blue");
        Assert.Equal("integer", ratings.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_document_declares_the_api_key_header_and_the_new_operations()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/plans/{planId}/reviews").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/reviews/{reviewId}/close").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/plans/{planId}").TryGetProperty("patch", out _));
        Assert.True(paths.GetProperty("/api/plans/{planId}").TryGetProperty("delete", out _));
        var created = paths.GetProperty("/api/plans/{planId}/reviews").GetProperty("post").GetProperty("responses").GetProperty("201");
        Assert.True(created.GetProperty("content").GetProperty("application/json").GetProperty("schema").TryGetProperty("$ref", out _));
    }
}
