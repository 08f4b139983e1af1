namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>A receiver attached to a queue: it grants credit and takes the messages the queue hands it.</summary>
internal interface IMessageConsumer
{
    /// <summary>Whether messages are removed when sent (ReceiveAndDelete) rather than locked (PeekLock).</summary>
    bool ReceiveAndDelete { get; }

    /// <summary>Sends the message to the receiver; called outside the queue's lock.</summary>
    void Deliver(MessageSnapshot message);
}
