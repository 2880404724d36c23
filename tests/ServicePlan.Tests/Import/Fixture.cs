namespace ServicePlan.Tests.Import;

/// <summary>The files in tests/TestData, copied beside the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
