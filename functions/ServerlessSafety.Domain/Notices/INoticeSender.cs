using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Notices;

/// <summary>Delivers notices over one kind of channel (webhook, email).</summary>
public interface INoticeSender
{
    /// <summary>The channel kind this sender delivers.</summary>
    ContactKind Kind { get; }

    /// <summary>Delivers the notice; returns a short outcome. Throws <see cref="NoticeDeliveryException"/> on failure.</summary>
    Task<string> SendAsync(Notice notice, CancellationToken cancellationToken = default);
}
