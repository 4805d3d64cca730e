using Loyalty.Core.Donations;
using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using Loyalty.Core.Ledger.Commands;
using Loyalty.Core.Lottery;
using Loyalty.Core.Members;
using Loyalty.Core.Pos;
using Loyalty.Core.Programs;
using Loyalty.Core.Sagas;
using Loyalty.Infrastructure.Tables;

namespace Loyalty.Infrastructure.Tests.Support;

/// <summary>
/// The POS, transfer, donation, lottery and merge use cases wired to the real table stores of one test class.
/// <paramref name="writes"/> wraps the store the use cases write through (a seam to inject a crash); reads stay direct.
/// </summary>
internal sealed class PosServices
{
    public PosServices(StorageContext storage, TimeProvider time, Func<ILedgerStore, ILedgerStore>? writes = null)
    {
        Time = time;
        Ledger = new TableLedgerStore(storage.Tables, storage.Cipher);
        LedgerService = new LedgerService(writes?.Invoke(Ledger) ?? Ledger, time);
        Programs = new ProgramService(new TableProgramStore(storage.Tables), time);
        Transfers = new TableTransferStore(storage.Tables);
        FamilyStore = new TableFamilyStore(storage.Tables);
        Family = new FamilyService(FamilyStore, Ledger, Programs, time);
        PendingSagas = new TablePendingSagas(storage.Tables);
        TransferService = new TransferService(Transfers, Family, Ledger, LedgerService, Programs, PendingSagas, time);
        Holds = new HoldService(Ledger, LedgerService, Programs, time);
        Charity = new TableCharityStore(storage.Tables);
        Donations = new DonationService(Charity, Ledger, LedgerService, time);
        Lotteries = new TableLotteryStore(storage.Tables);
        LotteryService = new LotteryService(Lotteries, Ledger, LedgerService, PendingSagas, time);
        Tenants = new TableTenantStore(storage.Tables);
        Merges = new TableMergeStore(storage.Tables);
        SagasInFlight = new SagasInFlight(PendingSagas, Transfers, Merges, time);
        MergeService = new MergeService(Merges, Ledger, LedgerService, Programs, FamilyStore, new TableWeChatBindingStore(storage.Tables), SagasInFlight, PendingSagas, time);
        TidyUp = new PendingSagaTidyUp(Tenants, PendingSagas, TransferService, LotteryService, MergeService, time);
    }

    public TimeProvider Time { get; }

    public TableLedgerStore Ledger { get; }

    public LedgerService LedgerService { get; }

    public ProgramService Programs { get; }

    public TableTransferStore Transfers { get; }

    public TableFamilyStore FamilyStore { get; }

    public FamilyService Family { get; }

    public TransferService TransferService { get; }

    public HoldService Holds { get; }

    public TableCharityStore Charity { get; }

    public DonationService Donations { get; }

    public TableLotteryStore Lotteries { get; }

    public LotteryService LotteryService { get; }

    public TablePendingSagas PendingSagas { get; }

    public TableTenantStore Tenants { get; }

    public TableMergeStore Merges { get; }

    public SagasInFlight SagasInFlight { get; }

    public MergeService MergeService { get; }

    public PendingSagaTidyUp TidyUp { get; }

    public async Task<MemberKey> NewMemberAsync(string tenant, long points, DateTimeOffset? expiresAt = null)
    {
        var key = new MemberKey(tenant, "m-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.True(await Ledger.CreateAccountAsync(new MemberAccount { Key = key, RegisteredAt = Time.GetUtcNow() }, [], [], CancellationToken.None));
        if (points > 0)
        {
            var earned = await LedgerService.ExecuteAsync(key, new EarnPoints("seed", new EarnRequest(points, expiresAt ?? Time.GetUtcNow().AddYears(1), "seed", null, null)), CancellationToken.None);
            Assert.True(earned.IsSuccess);
        }

        return key;
    }

    public async Task<MemberLedgerState> StateAsync(MemberKey member) =>
        await Ledger.LoadAsync(member, CancellationToken.None) ?? throw new InvalidOperationException("member vanished");
}
