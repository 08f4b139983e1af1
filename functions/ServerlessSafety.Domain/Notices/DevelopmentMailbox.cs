using System.Collections.Concurrent;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Notices;

/// <summary>
/// The email sender of local development: keeps the last notices it "sent" in memory, for the local host to
/// show. A deployment registers its own email <see cref="INoticeSender"/> (for example Azure Communication Services).
/// </summary>
public sealed class DevelopmentMailbox : INoticeSender
{
    private const int Capacity = 500;
    private readonly ConcurrentQueue<DeliveredEmail> _delivered = new();

    /// <inheritdoc />
    public ContactKind Kind => ContactKind.Email;

    /// <summary>The notices delivered, oldest first.</summary>
    public IReadOnlyList<DeliveredEmail> Delivered => _delivered.ToArray();

    /// <inheritdoc />
    public Task<string> SendAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        _delivered.Enqueue(new DeliveredEmail(notice.Channel!.Address, notice.CaseId, notice.Kind, notice.Text));
        while (_delivered.Count > Capacity)
        {
            _delivered.TryDequeue(out _);
        }

        return Task.FromResult("kept in the development mailbox");
    }
}

/// <summary>An email the development mailbox kept.</summary>
/// <param name="To">The address.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">The notice kind.</param>
/// <param name="Text">The text.</param>
public sealed record DeliveredEmail(string To, string CaseId, string Kind, string Text);
