namespace Loyalty.Core.Webhooks;

public interface INonceStore
{
    /// <summary>
    /// Records that the signed pair (<paramref name="timestamp"/>, <paramref name="nonce"/>) was used for
    /// <paramref name="purpose"/>; returns the purpose first recorded for it, which is <paramref name="purpose"/> itself
    /// the first time. The pair rather than the nonce alone: WeChat's nonces are short random numbers that repeat over
    /// months, while a signature is only accepted within minutes of its timestamp.
    /// </summary>
    Task<string> RecordAsync(string tenantId, string channel, string timestamp, string nonce, string purpose, CancellationToken cancellationToken);
}
