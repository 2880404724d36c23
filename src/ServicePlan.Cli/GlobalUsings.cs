// What every command uses, said once: the command-line parser, the service provider, and the library's database.
global using System.CommandLine;
global using Microsoft.Extensions.DependencyInjection;
global using ServicePlan.Database;
