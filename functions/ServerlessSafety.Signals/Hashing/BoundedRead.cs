namespace ServerlessSafety.Signals.Hashing;

/// <summary>Reads a stream into memory, refusing it as soon as it passes a byte limit.</summary>
internal static class BoundedRead
{
    public static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            throw TooMany(content.Length - content.Position, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooMany(buffer.Length + read, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static UnhashableContentException TooMany(long seen, long maxBytes) =>
        new(UnhashableReason.TooManyBytes, $"The content is at least {seen} bytes, over the limit of {maxBytes}.");
}
