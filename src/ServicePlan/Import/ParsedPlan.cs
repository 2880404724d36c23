using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Import;

/// <summary>A problem found in a sheet: its row as the user sees it (0 when it is about the whole file) and the column by its heading.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>What the person importing can decide: which sheet, and the title and period when the sheet does not say.</summary>
public sealed record ImportOptions
{
    public string? SheetName { get; init; }
    public string? Title { get; init; }
    public FinancialYear? Period { get; init; }

    /// <summary>Used for the title when neither the options nor the sheet give one: usually the file's name.</summary>
    public string FallbackTitle { get; init; } = "Imported plan";

    /// <summary>The financial year to assume when nothing in the sheet names one.</summary>
    public FinancialYear FallbackPeriod { get; init; } = FinancialYear.Containing(DateOnly.FromDateTime(DateTime.Today));
}

/// <summary>A plan read from a sheet, ready to be stored: every action with the row it came from, and what was wrong.</summary>
public sealed class ParsedPlan
{
    public string SheetName { get; internal set; } = "";
    public ParsedHeader Header { get; } = new();
    public List<ParsedSection> Sections { get; } = [];
    public List<ParsedPerson> People { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];
    public List<ImportIssue> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public IEnumerable<ParsedAction> Actions => Sections.SelectMany(s => s.Objectives).SelectMany(o => o.Actions);

    public int ObjectiveCount => Sections.Sum(s => s.Objectives.Count);

    public RatingCounts Ratings => RatingCounts.Of(Actions.Select(a => a.Rating));

    /// <summary>Each distinct source named by the objectives, once, in the order first seen.</summary>
    public IReadOnlyList<string> Sources =>
        Sections.SelectMany(s => s.Objectives).SelectMany(o => o.Sources).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

public sealed class ParsedHeader
{
    public string Title { get; set; } = "";
    public string? Service { get; set; }
    public FinancialYear Period { get; set; }
    public string? Owner { get; set; }
    public string? MonitoringBoard { get; set; }
    public string? RelevantStrategies { get; set; }
    public string? ReviewFrequency { get; set; }
    public string? Aims { get; set; }
    public string? CreatedWithIdeasFrom { get; set; }
    public DateOnly? ImplementationDate { get; set; }
    public DateOnly? ReviewDate { get; set; }

    public PlanHeader ToPlanHeader() => new(
        Title, Service, Period, Owner, MonitoringBoard, RelevantStrategies, ReviewFrequency ?? PlanHeader.DefaultReviewFrequency,
        Aims, CreatedWithIdeasFrom, ImplementationDate, ReviewDate);
}

public sealed record ParsedPerson(string Name, string Initials, string? Role);

public sealed record ParsedSection(int Row, string Title)
{
    public List<ParsedObjective> Objectives { get; } = [];
}

public sealed record ParsedObjective(int Row, string Aim, IReadOnlyList<string> Sources)
{
    public List<ParsedAction> Actions { get; } = [];
}

public sealed record ParsedAction(
    int Row,
    string Ref,
    string Who,
    string DoesWhat,
    string ByWhen,
    string Measure,
    string Experience,
    Rating Rating,
    string Comment);
