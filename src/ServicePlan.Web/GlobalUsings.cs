// What nearly every page model and endpoint uses, said once: the ASP.NET Core page types, the web app's own helpers,
// and the library's task namespaces, whose folders the pages mirror.
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using ServicePlan.Audit;
global using ServicePlan.CommitteeReport;
global using ServicePlan.Database;
global using ServicePlan.Export;
global using ServicePlan.Import;
global using ServicePlan.People;
global using ServicePlan.Plans;
global using ServicePlan.Privacy;
global using ServicePlan.Progress;
global using ServicePlan.Redaction;
global using ServicePlan.Reminders;
global using ServicePlan.Reviews;
global using ServicePlan.Rollover;
global using ServicePlan.Sources;
global using ServicePlan.Users;
global using ServicePlan.Web.Infrastructure;
global using ServicePlan.Web.Pages;
global using ServicePlan.YouSaidWeDid;
