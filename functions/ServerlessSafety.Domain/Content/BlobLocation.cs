namespace ServerlessSafety.Domain.Content;

/// <summary>A blob by container and name.</summary>
/// <param name="Container">One of <see cref="ContentContainers"/>.</param>
/// <param name="Name">The blob name.</param>
public sealed record BlobLocation(string Container, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Container}/{Name}";
}
