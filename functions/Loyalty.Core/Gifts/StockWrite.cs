namespace Loyalty.Core.Gifts;

public enum StockWrite
{
    Committed,

    /// <summary>The gift, the count or the reservation changed since it was read: re-read and decide again.</summary>
    Conflict,

    /// <summary>The keyed row (reservation or adjustment) already exists: an earlier attempt got there first.</summary>
    Duplicate,
}
