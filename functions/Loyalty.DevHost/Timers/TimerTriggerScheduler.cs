using Loyalty.DevHost.Discovery;
using Loyalty.DevHost.Invocation;
using Loyalty.DevHost.Settings;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalty.DevHost.Timers;

/// <summary>
/// Runs one timer function on its schedule, in UTC, one occurrence at a time (an occurrence that falls while the previous
/// run is still busy is skipped, as with the Functions host's singleton timer). <c>RunOnStartup</c> runs it once at start.
/// </summary>
public sealed class TimerTriggerScheduler(
    FunctionDescriptor function,
    TimerFunctionTrigger trigger,
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    private readonly FunctionInvoker _invoker = services.GetRequiredService<FunctionInvoker>();

    public TimerSchedule Schedule { get; } = TimerSchedule.Parse(new SettingResolver(configuration).Resolve(trigger.Schedule));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = time.GetUtcNow();
        var next = Schedule.Next(last);
        logger.LogInformation("{Function}: schedule '{Schedule}' (UTC), next run {Next:u}", function.Name, Schedule.Expression, next);
        if (trigger.RunOnStartup)
        {
            await RunAsync(last, next, isPastDue: false, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var now = time.GetUtcNow();
            var following = Schedule.Next(now);
            await RunAsync(last, following, isPastDue: now - next > TimeSpan.FromSeconds(1), stoppingToken);
            last = next;
            next = Schedule.Next(time.GetUtcNow());
        }
    }

    private async Task RunAsync(DateTimeOffset last, DateTimeOffset next, bool isPastDue, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus { Last = last.UtcDateTime, Next = next.UtcDateTime, LastUpdated = time.GetUtcNow().UtcDateTime },
        };
        try
        {
            await using var scope = services.CreateAsyncScope();
            await _invoker.InvokeAsync(function, scope.ServiceProvider, new TimerTriggerBinder(trigger.Parameter!, info), 0, stoppingToken);
            logger.LogInformation("{Function}: ran; next run {Next:u}", function.Name, next);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Function}: failed", function.Name);
        }
    }
}
