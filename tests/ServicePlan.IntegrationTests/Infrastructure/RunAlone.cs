namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that drive another heavy program (Chromium, LibreOffice) run after the others, one class at a time:
/// on a 2-core machine, sharing it with the parallel tests makes their timeouts a matter of luck.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAlone
{
    public const string Name = "Run alone";
}
