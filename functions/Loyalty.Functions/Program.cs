using Loyalty.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddLoyaltyFunctions(builder.Configuration);
builder.Services.AddWorkerTelemetry();
builder.Build().Run();
