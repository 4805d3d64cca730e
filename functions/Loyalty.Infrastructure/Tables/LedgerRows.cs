using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;

namespace Loyalty.Infrastructure.Tables;

/// <summary>How a member's partition maps to rows: <c>account</c>, <c>lot:{expiry}:{id}</c>, <c>tx:{inverted ticks}:{seq}:{id}</c>, <c>idem:{hash}</c>.</summary>
internal static class LedgerRows
{
    public const string AccountRowKey = "account";
    public const string LotPrefix = "lot:";
    public const string EntryPrefix = "tx:";
    public const string IdempotencyPrefix = "idem:";
    public const string HoldPrefix = "hold:";

    /// <summary>The character after ':' — the exclusive upper bound of a prefix range.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + ";";

    public static string LotRowKey(PointsLot lot) =>
        $"{LotPrefix}{(lot.ExpiresAt == PointsLot.NeverExpires ? "99991231" : lot.ExpiresAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture))}:{lot.LotId}";

    public static string EntryRowKey(LedgerEntry entry) =>
        $"{EntryPrefix}{InvertedTicks(entry.At)}:{999 - entry.Sequence:D3}:{entry.EntryId}";

    public static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Keys are client-chosen text; hashing them keeps row keys valid whatever characters they hold.</summary>
    public static string IdempotencyRowKey(string key) =>
        IdempotencyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Name, phone and birthday are encrypted (<see cref="EncryptedColumns"/>); the phone hash stays for lookups.</summary>
    public static TableEntity ToEntity(MemberAccount account, FieldCipher cipher)
    {
        var row = AccountColumns(account);
        row.Set(cipher, "Name", account.Name);
        row.Set(cipher, "Phone", account.Phone);
        row.Set(cipher, "Birthday", account.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return row;
    }

    private static TableEntity AccountColumns(MemberAccount account) => new(account.Key.PartitionKey, AccountRowKey)
    {
        ["Kind"] = "account",
        ["TenantId"] = account.Key.TenantId,
        ["MemberId"] = account.Key.MemberId,
        ["PhoneHash"] = account.PhoneHash,
        ["RegisteredAt"] = account.RegisteredAt,
        ["Debt"] = account.Debt,
        ["LifetimeEarned"] = account.LifetimeEarned,
        ["LifetimeSpent"] = account.LifetimeSpent,
        ["LifetimeExpired"] = account.LifetimeExpired,
        ["Tier"] = account.Tier,
        ["TierReviewAt"] = account.TierReviewAt,
        ["LastActivityAt"] = account.LastActivityAt,
        ["Frozen"] = account.Frozen,
        ["Language"] = account.Language,
        ["SmsAllowed"] = account.SmsAllowed,
        ["StoreId"] = account.StoreId,
        ["Status"] = account.Status.ToString(),
        ["MergedInto"] = account.MergedInto,
        ["ClosedAt"] = account.ClosedAt,
        ["EventSequence"] = account.EventSequence,
        ["State"] = StorageJson.Serialize(account.State),
    };

    public static MemberAccount ToAccount(TableEntity e, FieldCipher cipher) => new()
    {
        Key = new MemberKey(e.GetString("TenantId"), e.GetString("MemberId")),
        Name = e.GetDecrypted(cipher, "Name"),
        Phone = e.GetDecrypted(cipher, "Phone"),
        PhoneHash = e.GetString("PhoneHash"),
        RegisteredAt = e.GetDateTimeOffset("RegisteredAt") ?? DateTimeOffset.UnixEpoch,
        Debt = e.GetInt64("Debt") ?? 0,
        LifetimeEarned = e.GetInt64("LifetimeEarned") ?? 0,
        LifetimeSpent = e.GetInt64("LifetimeSpent") ?? 0,
        LifetimeExpired = e.GetInt64("LifetimeExpired") ?? 0,
        Tier = e.GetString("Tier") ?? "normal",
        TierReviewAt = e.GetDateTimeOffset("TierReviewAt"),
        Birthday = e.GetDecrypted(cipher, "Birthday") is { } birthday ? DateOnly.ParseExact(birthday, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        LastActivityAt = e.GetDateTimeOffset("LastActivityAt"),
        Frozen = e.GetBoolean("Frozen") ?? false,
        Language = e.GetString("Language") ?? MemberLanguage.Default,
        SmsAllowed = e.GetBoolean("SmsAllowed") ?? true,
        StoreId = e.GetString("StoreId"),
        Status = Enum.TryParse<MemberStatus>(e.GetString("Status"), out var status) ? status : MemberStatus.Active,
        MergedInto = e.GetString("MergedInto"),
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        EventSequence = e.GetInt64("EventSequence") ?? 0,
        State = e.GetString("State") is { } state ? StorageJson.Deserialize<Dictionary<string, string>>(state) : new Dictionary<string, string>(),
    };

    public static TableEntity ToEntity(MemberKey member, PointsLot lot) => new(member.PartitionKey, LotRowKey(lot))
    {
        ["Kind"] = "lot",
        ["LotId"] = lot.LotId,
        ["Points"] = lot.Points,
        ["Remaining"] = lot.Remaining,
        ["EarnedAt"] = lot.EarnedAt,
        ["AvailableAt"] = lot.AvailableAt,
        ["ExpiresAt"] = lot.ExpiresAt == PointsLot.NeverExpires ? null : lot.ExpiresAt,
        ["Source"] = lot.Source,
        ["Reference"] = lot.Reference,
        ["Frozen"] = lot.Frozen,
    };

    public static PointsLot ToLot(TableEntity e) => new(
        e.GetString("LotId"),
        e.GetInt64("Points") ?? 0,
        e.GetInt64("Remaining") ?? 0,
        e.GetDateTimeOffset("EarnedAt") ?? DateTimeOffset.UnixEpoch,
        e.GetDateTimeOffset("AvailableAt") ?? DateTimeOffset.UnixEpoch,
        e.GetDateTimeOffset("ExpiresAt") ?? PointsLot.NeverExpires,
        e.GetString("Source") ?? string.Empty,
        e.GetString("Reference")) { Frozen = e.GetBoolean("Frozen") ?? false };

    public static TableEntity ToEntity(MemberKey member, LedgerEntry entry) => new(member.PartitionKey, EntryRowKey(entry))
    {
        ["Kind"] = "tx",
        ["EntryId"] = entry.EntryId,
        ["Type"] = entry.Type.ToString(),
        ["Delta"] = entry.Delta,
        ["BalanceAfter"] = entry.BalanceAfter,
        ["At"] = entry.At,
        ["Sequence"] = entry.Sequence,
        ["Reference"] = entry.Reference,
        ["Reason"] = entry.Reason,
        ["Operator"] = entry.Operator,
        ["IdempotencyKey"] = entry.IdempotencyKey,
        ["ProgramVersion"] = entry.ProgramVersion,
        ["Lots"] = StorageJson.Serialize(entry.Lots),
        ["Details"] = StorageJson.Serialize(entry.Details),
    };

    public static LedgerEntry ToEntry(TableEntity e) => new()
    {
        EntryId = e.GetString("EntryId"),
        Type = Enum.Parse<LedgerEntryType>(e.GetString("Type")),
        Delta = e.GetInt64("Delta") ?? 0,
        BalanceAfter = e.GetInt64("BalanceAfter") ?? 0,
        At = e.GetDateTimeOffset("At") ?? DateTimeOffset.UnixEpoch,
        Sequence = e.GetInt32("Sequence") ?? 0,
        Reference = e.GetString("Reference"),
        Reason = e.GetString("Reason"),
        Operator = e.GetString("Operator"),
        IdempotencyKey = e.GetString("IdempotencyKey"),
        ProgramVersion = e.GetInt32("ProgramVersion"),
        Lots = StorageJson.Deserialize<Dictionary<string, long>>(e.GetString("Lots") ?? "{}"),
        Details = StorageJson.Deserialize<Dictionary<string, string>>(e.GetString("Details") ?? "{}"),
    };

    public static TableEntity ToEntity(MemberKey member, IdempotencyRecord record) => new(member.PartitionKey, IdempotencyRowKey(record.Key))
    {
        ["Kind"] = "idem",
        ["Key"] = record.Key,
        ["Fingerprint"] = record.Fingerprint,
        ["Outcome"] = StorageJson.Serialize(record.Outcome),
        ["CreatedAt"] = record.CreatedAt,
    };

    public static IdempotencyRecord ToIdempotency(TableEntity e) => new(
        e.GetString("Key"),
        e.GetString("Fingerprint"),
        StorageJson.Deserialize<LedgerOutcome>(e.GetString("Outcome")),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch);

    public static string HoldRowKey(string holdId) => HoldPrefix + holdId;

    /// <summary>Status is a column of its own so loading a member reads only the active holds.</summary>
    public static TableEntity ToEntity(MemberKey member, PointsHold hold) => new(member.PartitionKey, HoldRowKey(hold.HoldId))
    {
        ["Kind"] = "hold",
        ["Status"] = hold.Status.ToString(),
        ["Hold"] = StorageJson.Serialize(hold),
    };

    public static PointsHold ToHold(TableEntity e) => StorageJson.Deserialize<PointsHold>(e.GetString("Hold"));
}
