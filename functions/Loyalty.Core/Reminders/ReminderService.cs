using System.Collections.Concurrent;
using Loyalty.Core.Expiry;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Core.Programs;
using Loyalty.Core.Tenants;

namespace Loyalty.Core.Reminders;

/// <summary>
/// Pre-expiry SMS (清零前提醒). For each due offset it reads only the expiry index for the last usable day in question,
/// then per member: the points of the lots ending that day (none: nothing to say), the member's consent and phone,
/// a send-log row written BEFORE the attempt (a member never gets the same reminder twice; a retry repeats its
/// repeatability id), the text in the member's language, and the outcome on the row. The quiet hours are checked
/// before every message: once they begin the run stops and the rest waits for the next run after them.
/// </summary>
public sealed class ReminderService(
    IExpiryIndex index,
    ISmsSendLog log,
    ISmsSender sender,
    ILedgerStore ledger,
    ProgramService programs,
    ITenantStore tenants,
    TimeProvider time)
{
    public const int PageSize = 500;

    /// <summary>Messages in flight at once.</summary>
    public const int Parallelism = 8;

    /// <summary>Messages attempted per tenant per run; the next run (15 minutes later) goes on where this one stopped.</summary>
    public const int MaxAttemptsPerRun = 2000;

    /// <summary>Every tenant's due reminders, one tenant after another.</summary>
    public async Task<IReadOnlyList<ReminderRun>> RunAllAsync(CancellationToken cancellationToken)
    {
        var runs = new List<ReminderRun>();
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            runs.Add(await RunAsync(tenant.TenantId, cancellationToken));
        }

        return runs;
    }

    public async Task<ReminderRun> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(tenantId, cancellationToken);
        var rules = program.Rules.Reminders;
        if (!rules.Enabled)
        {
            return new ReminderRun(tenantId, ReminderRunState.Off);
        }

        var zone = program.Rules.Zone();
        var slate = ReminderSchedule.Due(rules, zone, time.GetUtcNow());
        if (slate.Quiet)
        {
            return new ReminderRun(tenantId, ReminderRunState.QuietHours);
        }

        var context = new RunContext(tenantId, rules, zone, program.Rules.Name);
        foreach (var slot in slate.Slots)
        {
            if (!await RunSlotAsync(context, slot, cancellationToken))
            {
                break;
            }
        }

        return context.Summary();
    }

    /// <summary>False when the run must stop (quiet hours began, or this run's budget is spent).</summary>
    private async Task<bool> RunSlotAsync(RunContext run, ReminderSlot slot, CancellationToken cancellationToken)
    {
        var window = slot.Window(run.Zone);
        string? cursor = null;
        do
        {
            var page = await index.PageAsync(run.TenantId, window, cursor, PageSize, cancellationToken);
            var members = page.Entries.Select(e => e.MemberId).Distinct(StringComparer.Ordinal);
            await Parallel.ForEachAsync(
                members,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (memberId, ct) =>
                {
                    if (!run.Stopped)
                    {
                        run.Count(await RemindAsync(run, slot, window, memberId, ct));
                    }
                });
            if (run.Stopped)
            {
                return false;
            }

            cursor = page.Cursor;
        }
        while (cursor is not null);

        return true;
    }

    private async Task<ReminderOutcome> RemindAsync(RunContext run, ReminderSlot slot, ExpiryWindow window, string memberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = (await ledger.LoadAsync(new MemberKey(run.TenantId, memberId), cancellationToken))?.AsOf(now);
        if (state is null || MemberContact.Of(state.Account) is not { } contact)
        {
            return ReminderOutcome.NoMember;
        }

        var points = state.Lots.Where(l => window.Contains(l.ExpiresAt) && !l.IsExpired(now)).Sum(l => l.Remaining);
        if (points <= 0)
        {
            return ReminderOutcome.NothingExpiring;
        }

        if (PhoneNumber.Parse(contact.PhoneE164) is not { } phone)
        {
            return ReminderOutcome.NoPhone;
        }

        if (!contact.SmsAllowed)
        {
            return ReminderOutcome.OptedOut;
        }

        var (record, _) = await log.BeginAsync(
            new SmsSendRecord
            {
                TenantId = run.TenantId,
                MemberId = memberId,
                LastUsableDay = slot.LastUsableDay,
                OffsetDays = slot.OffsetDays,
                Repeatability = new SmsRepeatability(Guid.NewGuid(), now),
                Points = points,
                To = phone.Redacted,
                UpdatedAt = now,
            },
            cancellationToken);
        if (record.IsSettled)
        {
            return ReminderOutcome.AlreadySent;
        }

        if (!run.TryTakeAttempt() || ReminderSchedule.IsQuiet(run.Rules, run.Zone, time.GetUtcNow()))
        {
            run.Stop();
            return ReminderOutcome.Deferred;
        }

        var text = ReminderTemplate.Render(run.Rules.TemplateFor(contact.Language), contact.Language, record.Points, slot.LastUsableDay, contact.Name, run.ProgramName);
        var result = await sender.SendAsync(new SmsMessage(run.TenantId, run.Rules.SenderId, phone.E164, text, record.Repeatability, record.Key), cancellationToken);
        var after = record.After(result, time.GetUtcNow());

        // Lost to a concurrent run of the same reminder: it sent with the same repeatability, the service kept one.
        await log.TrySaveAsync(after, cancellationToken);
        return after.Status switch
        {
            SmsSendStatus.Sent => ReminderOutcome.Sent,
            SmsSendStatus.NotSent => ReminderOutcome.NotSent,
            SmsSendStatus.Failed => ReminderOutcome.Failed,
            _ => ReminderOutcome.Retrying,
        };
    }

    private sealed class RunContext(string tenantId, ReminderRules rules, TimeZoneInfo zone, string programName)
    {
        private readonly ConcurrentDictionary<ReminderOutcome, int> _counts = new();
        private int _attempts;
        private volatile bool _stopped;

        public string TenantId => tenantId;

        public ReminderRules Rules => rules;

        public TimeZoneInfo Zone => zone;

        public string ProgramName => programName;

        public bool Stopped => _stopped;

        public bool TryTakeAttempt() => Interlocked.Increment(ref _attempts) <= MaxAttemptsPerRun;

        public void Stop() => _stopped = true;

        public void Count(ReminderOutcome outcome) => _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

        public ReminderRun Summary() =>
            new(tenantId, _stopped ? ReminderRunState.Stopped : ReminderRunState.Done)
            {
                Outcomes = _counts.ToDictionary(kv => kv.Key, kv => kv.Value),
            };
    }
}

public enum ReminderRunState
{
    /// <summary>The program has reminders off.</summary>
    Off,

    /// <summary>Inside the quiet hours: nothing went out, what is due waits.</summary>
    QuietHours,

    /// <summary>Every due reminder was dealt with.</summary>
    Done,

    /// <summary>The quiet hours began or the run's budget ran out; the next run goes on.</summary>
    Stopped,
}

/// <summary>What happened to one member's due reminder in a run.</summary>
public enum ReminderOutcome
{
    Sent,
    NotSent,
    Failed,
    Retrying,
    AlreadySent,
    Deferred,
    OptedOut,
    NoPhone,
    NothingExpiring,
    NoMember,
}

public sealed record ReminderRun(string TenantId, ReminderRunState State)
{
    public IReadOnlyDictionary<ReminderOutcome, int> Outcomes { get; init; } = new Dictionary<ReminderOutcome, int>();

    public int this[ReminderOutcome outcome] => Outcomes.GetValueOrDefault(outcome);
}
