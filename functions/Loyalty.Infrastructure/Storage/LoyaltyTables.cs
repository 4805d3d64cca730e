using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Loyalty.Infrastructure.Storage;

/// <summary>The app's tables, each created on first use.</summary>
public sealed class LoyaltyTables(TableServiceClient service, IOptions<TableStorageOptions> options)
{
    public const string Ledger = "ledger";
    public const string Tenants = "tenants";
    public const string ApiKeys = "apikeys";
    public const string Programs = "programs";
    public const string Members = "members";
    public const string Purchases = "purchases";
    public const string Refunds = "refunds";
    public const string TierReviews = "tierreviews";
    public const string WebhookChannels = "webhookchannels";
    public const string WebhookNonces = "webhooknonces";
    public const string WeChatBindings = "wechatbindings";
    public const string WeChatMessages = "wechatmessages";
    public const string Family = "family";
    public const string Transfers = "transfers";
    public const string Merges = "merges";
    public const string Charity = "charity";
    public const string Lotteries = "lotteries";
    public const string PendingSagas = "pendingsagas";
    public const string ExpiryIndex = "expiryindex";
    public const string ClearingRuns = "clearingruns";
    public const string ReferralCodes = "referralcodes";
    public const string Referrals = "referrals";
    public const string AdminAudit = "adminaudit";
    public const string SmsOutbox = "smsoutbox";
    public const string SmsLog = "smslog";
    public const string OutboxIntents = "outboxintents";
    public const string EventFeed = "eventfeed";
    public const string Insights = "insights";
    public const string QueuedWork = "queuedwork";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public Task<TableClient> GetAsync(string name) =>
        _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n))).Value;

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = service.GetTableClient(options.Value.TablePrefix + name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
