using CsCheck;
using Loyalty.Core.Members;
using Loyalty.Core.Tests.Support;
using Loyalty.Testing.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace Loyalty.Core.Tests.Ledger;

public sealed class LedgerPropertyTests
{
    [Fact]
    public void Random_histories_keep_balance_equal_to_live_lots_and_entries_never_overdraw_and_replays_change_nothing()
    {
        LedgerOperation.Generator.Array[1, 60].Sample(
            history =>
            {
                var store = new InMemoryLedgerStore();
                var runner = new LedgerHistoryRunner(store, new FakeTimeProvider(Accounts.Now));
                runner.RunAsync(new MemberKey("t", "m"), history).GetAwaiter().GetResult();
            },
            iter: 400);
    }
}
