namespace Loyalty.Core.Common;

/// <summary>A paging token that was not issued by us (or was altered): the client gets a 400, not a 500.</summary>
public sealed class InvalidContinuationTokenException : Exception
{
    public InvalidContinuationTokenException()
        : base("The continuation token is not valid.")
    {
    }

    public InvalidContinuationTokenException(Exception inner)
        : base("The continuation token is not valid.", inner)
    {
    }

    public InvalidContinuationTokenException(string message)
        : base(message)
    {
    }

    public InvalidContinuationTokenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
