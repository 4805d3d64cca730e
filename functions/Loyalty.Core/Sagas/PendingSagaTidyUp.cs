using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Tenants;

namespace Loyalty.Core.Sagas;

/// <summary>
/// Finishes sagas left between steps (the process stopped after a transfer's debit, after a draw's reservation, or
/// after a merge closed its source) once they are older than <see cref="GracePeriod"/>, through the same idempotent
/// code the API's retries run, so a client retry and the tidy-up can race safely.
/// </summary>
public sealed class PendingSagaTidyUp(ITenantStore tenants, IPendingSagas pending, TransferService transfers, LotteryService lotteries, MergeService merges, TimeProvider time)
{
    /// <summary>Long enough that a request still in progress is not raced by the tidy-up.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(2);

    /// <summary>Per tenant and run, so one run stays short; the rest wait for the next run.</summary>
    public const int MaxPerTenant = 200;

    public async Task<TidyUpReport> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - GracePeriod;
        var report = new TidyUpReport(0, 0, 0);
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            foreach (var saga in await pending.ListStartedBeforeAsync(tenant.TenantId, before, MaxPerTenant, cancellationToken))
            {
                report = await FinishAsync(saga, cancellationToken) switch
                {
                    Outcome.Finished => report with { Finished = report.Finished + 1 },
                    Outcome.Dropped => report with { Dropped = report.Dropped + 1 },
                    _ => report with { StillPending = report.StillPending + 1 },
                };
            }
        }

        return report;
    }

    private async Task<Outcome> FinishAsync(PendingSaga saga, CancellationToken cancellationToken)
    {
        if (saga.Kind == SagaKind.Merge)
        {
            return await FinishMergeAsync(saga, cancellationToken);
        }

        Error? error;
        if (saga.Kind == SagaKind.Transfer)
        {
            var record = await transfers.GetAsync(saga.TenantId, saga.Id, cancellationToken);
            error = record.IsSuccess ? (await transfers.ResumeAsync(record.Value, cancellationToken)).Error : record.Error;
        }
        else
        {
            var (lotteryId, drawId) = saga.DrawKeys();
            error = (await lotteries.ResumeDrawAsync(saga.TenantId, lotteryId, drawId, cancellationToken)).Error;
        }

        switch (error?.Kind)
        {
            case null:
                return Outcome.Finished;
            case ErrorKind.Conflict:
                return Outcome.StillPending;
            case ErrorKind.NotFound when error.Code is TransferService.TransferNotFound or LotteryService.DrawNotFound:
                await pending.RemoveAsync(saga.TenantId, saga.Kind, saga.Id, cancellationToken);
                return Outcome.Dropped;
            default:
                // Refused for good (a failed transfer, a voided draw): the services already closed the saga.
                return Outcome.Finished;
        }
    }

    /// <summary>A merge is at its end once its record says so (completed, returned or refused); only one still between steps stays.</summary>
    private async Task<Outcome> FinishMergeAsync(PendingSaga saga, CancellationToken cancellationToken)
    {
        if (await merges.FindAsync(saga.TenantId, saga.Id, cancellationToken) is not { } record)
        {
            await pending.RemoveAsync(saga.TenantId, saga.Kind, saga.Id, cancellationToken);
            return Outcome.Dropped;
        }

        var resumed = await merges.ResumeAsync(record, cancellationToken);
        return resumed.IsSuccess || await merges.FindAsync(saga.TenantId, saga.Id, cancellationToken) is not { } after || !MergeRecord.InFlight(after)
            ? Outcome.Finished
            : Outcome.StillPending;
    }

    private enum Outcome
    {
        Finished,
        StillPending,
        Dropped,
    }
}
