namespace ServerlessSafety.Domain.Notices;

/// <summary>A notice could not be delivered.</summary>
public sealed class NoticeDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outcome">A short description without the address or the text.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    public NoticeDeliveryException(string outcome, bool isTransient)
        : base(outcome)
    {
        IsTransient = isTransient;
    }

    /// <summary>Whether trying again later may succeed.</summary>
    public bool IsTransient { get; }
}
