namespace ServerlessSafety.LocalHost.Http;

/// <summary>Marks an endpoint as a function's, so the host leaves the function's own empty responses alone.</summary>
/// <param name="FunctionName">The function's name.</param>
internal sealed record FunctionEndpointMetadata(string FunctionName);
