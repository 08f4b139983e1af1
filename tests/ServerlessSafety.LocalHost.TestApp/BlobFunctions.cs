using Microsoft.Azure.Functions.Worker;

namespace ServerlessSafety.LocalHost.TestApp;

public sealed class BlobFunctions
{
    private readonly InvocationRecorder _recorder;

    public BlobFunctions(InvocationRecorder recorder)
    {
        _recorder = recorder;
    }

    /// <summary>Records each upload; a blob whose name starts with "fail" always throws.</summary>
    [Function("ProcessUpload")]
    public void ProcessUpload([BlobTrigger("%UploadsContainer%/{name}", Connection = "Uploads")] string content, string name)
    {
        _recorder.Record("ProcessUpload", $"{name}:{content}");
        if (name.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("this blob always fails");
        }
    }
}
