using Loyalty.Core.Common;
using Loyalty.Core.Family;
using Loyalty.Core.Ledger;
using Loyalty.Core.Redemptions;
using Loyalty.Core.Reminders;
using Loyalty.Core.Sagas;
using Loyalty.Core.Webhooks.WeChat;

namespace Loyalty.Core.Members;

/// <summary>
/// Erases a member on request (注销). The ledger batch (<see cref="EraseAccount"/>) forfeits the points and strips the
/// account row; the lookups that point at the person are removed around it: the phone claim before (its row key is the
/// phone's keyed hash, which the erased row no longer knows), the WeChat data (bindings, QR scenes, message log records:
/// <see cref="WeChatErasure"/>), family bindings, shipping addresses of the member's redemptions, the SMS reminders sent
/// to them and the directory row after (found by member id and the ledger's entries, so a retry
/// after a crash finds and removes them too). A retry with the same
/// Idempotency-Key returns the first result and finishes whatever a crash left undone.
/// </summary>
public sealed class ErasureService(
    LedgerService ledger,
    ILedgerStore store,
    PhoneClaims phones,
    IMemberDirectory directory,
    WeChatErasure wechat,
    IFamilyStore family,
    SagasInFlight inFlight,
    IRedemptionStore redemptions,
    ISmsSendLog smsLog,
    ISmsOutbox smsOutbox,
    TimeProvider time)
{
    public async Task<Result<LedgerOutcome>> EraseAsync(MemberKey member, ErasureRequest request, string idempotencyKey, string @operator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason?.Trim();
        if (reason is not { Length: > 0 and <= TextBounds.ReasonLength })
        {
            return Error.Validation("reason", "required", $"reason is required (1-{TextBounds.ReasonLength} characters): an erasure must say why (e.g. the member's request and its ticket).");
        }

        var account = MemberKey.IsValidMemberId(member.MemberId) ? await store.GetAccountAsync(member, cancellationToken) : null;
        if (account is null)
        {
            return MemberService.MemberNotFound(member);
        }

        // A merge between its steps would credit an erased target or leave a source nobody can give the points back to.
        if (account.Status != MemberStatus.Erased && await inFlight.CheckAsync(SagaKind.Merge, member, cancellationToken) is { } merging)
        {
            return merging;
        }

        var command = new EraseAccount(IdempotencyKeys.Request(idempotencyKey), reason) { Operator = @operator };
        if (account.IsOpen)
        {
            if (await BlockerAsync(member, cancellationToken) is { } blocked)
            {
                return blocked;
            }

            if (account.PhoneHash is { } phoneHash)
            {
                await phones.ReleaseAsync(member, phoneHash, time.GetUtcNow(), cancellationToken);
            }
        }

        var erased = await ledger.ExecuteAsync(member, command, cancellationToken);
        if (!erased.IsSuccess)
        {
            // Refused after all (a hold opened meanwhile): the member keeps their number.
            if (account is { IsOpen: true, PhoneHash: { } kept })
            {
                await phones.ClaimAsync(member, kept, cancellationToken);
            }

            return erased.Error;
        }

        return await RemoveLinksAsync(member, cancellationToken) is { } failed ? failed : erased;
    }

    /// <summary>What keeps the points of the account in motion: an open POS hold, or a transfer from or to the member still in flight.</summary>
    private async Task<Error?> BlockerAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await store.LoadAsync(member, cancellationToken);
        var holds = state?.AsOf(now).Holds.Where(h => h.IsActive(now)).Select(h => h.HoldId).Order(StringComparer.Ordinal).ToList() ?? [];
        if (holds.Count > 0)
        {
            return LedgerTransaction.OpenHolds(holds);
        }

        return await inFlight.CheckAsync(SagaKind.Transfer, member, cancellationToken);
    }

    private async Task<Error?> RemoveLinksAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var unbound = await wechat.EraseAsync(member, cancellationToken);
        if (!unbound.IsSuccess)
        {
            return unbound.Error;
        }

        foreach (var relative in await family.ListAsync(member.TenantId, member.MemberId, cancellationToken))
        {
            await family.UnbindAsync(member.TenantId, member.MemberId, relative, cancellationToken);
        }

        await ForgetShippingAddressesAsync(member, cancellationToken);
        await ForgetMessagesAsync(member, cancellationToken);
        await directory.RemoveAsync(member.TenantId, member.MemberId, cancellationToken);
        return null;
    }

    /// <summary>The reminders sent to the member (masked number, text with their name): the outbox copy first, then the log row that finds it.</summary>
    private async Task ForgetMessagesAsync(MemberKey member, CancellationToken cancellationToken)
    {
        foreach (var record in await smsLog.ListAsync(member.TenantId, member.MemberId, cancellationToken))
        {
            await smsOutbox.RemoveAsync(member.TenantId, record.Repeatability, cancellationToken);
            await smsLog.RemoveAsync(record, cancellationToken);
        }
    }

    /// <summary>Every redemption debit names its redemption: the addresses (name, phone, street) go, the rest of the record stays.</summary>
    private async Task ForgetShippingAddressesAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var query = new LedgerQuery(new HashSet<LedgerEntryType> { LedgerEntryType.Spend }, PageSize: 200);
        do
        {
            var page = await store.QueryEntriesAsync(member, query, cancellationToken);
            foreach (var entry in page.Entries.Where(e => e.Reference is not null && e.Details.ContainsKey("giftId")))
            {
                await ForgetShippingAddressAsync(member, entry.Reference!, cancellationToken);
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);
    }

    private Task<bool> ForgetShippingAddressAsync(MemberKey member, string redemptionId, CancellationToken cancellationToken) =>
        LedgerRetryPolicy.Default.RunOrThrowAsync<bool>(
            async () =>
            {
                var record = await redemptions.GetAsync(member.TenantId, redemptionId, cancellationToken);
                if (record is null || record.MemberId != member.MemberId || (record.ShipTo is null && record.Fulfilment?.Shipment is null))
                {
                    return true;
                }

                var scrubbed = record with
                {
                    ShipTo = null,
                    Fulfilment = record.Fulfilment is { Shipment: { } shipment } fulfilment
                        ? fulfilment with { Shipment = shipment with { ShipTo = new ShippingAddress(null, null, null) } }
                        : record.Fulfilment,
                };
                return scrubbed == record || await redemptions.TryUpdateAsync(scrubbed, cancellationToken) ? true : Attempt.Again;
            },
            $"Redemption '{redemptionId}' kept changing while its address was being removed; retry the erasure with the same Idempotency-Key.",
            cancellationToken);
}
