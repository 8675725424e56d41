using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Pipeline.BuildCache;

/// <summary>
/// A build cache on an HTTP server, in the protocol of Bazel's and Gradle's HTTP remote caches: <c>GET</c> and
/// <c>PUT</c> of <c>{base}/ac/{key}</c> (the entry) and <c>{base}/cas/{sha256}</c> (a file's content); 404 is a
/// miss. Any WebDAV server that accepts PUT (nginx, Apache) or bazel-remote serves it. The first time the server
/// cannot be reached or answers with an error, one warning is written and the cache is off for the rest of the
/// run: a slow or dead server must not cost a timeout per target.
/// </summary>
internal sealed class HttpBuildCache : IBuildCache, IDisposable
{
    /// <summary>Generous for a blob of hundreds of megabytes, bounded so a hung server cannot hang the build.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly RemoteCacheAddress _address;
    private readonly bool _readOnly;
    private readonly Action<string> _warn;
    private readonly HttpClient _client;
    private int _off;

    /// <param name="readOnly">Restores only: nothing is sent to the server but GET requests.</param>
    /// <param name="warn">Receives a whole warning line.</param>
    public HttpBuildCache(RemoteCacheAddress address, bool readOnly, Action<string> warn)
    {
        _address = address;
        _readOnly = readOnly;
        _warn = warn;
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout }) { Timeout = RequestTimeout };
    }

    /// <summary>Whether an earlier failure has turned the cache off for the rest of the run.</summary>
    public bool IsOff => Volatile.Read(ref _off) == 1;

    public async Task<CacheEntry?> TryRestoreAsync(string fingerprint, string root, CancellationToken cancellationToken)
    {
        if (IsOff)
        {
            return null;
        }

        try
        {
            using var response = await SendAsync(HttpMethod.Get, $"ac/{CacheKey.For(fingerprint)}", null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            EnsureSuccess(response, "GET ac/");
            var entry = CacheEntryJson.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), fingerprint);
            if (entry is null)
            {
                Warn($"the entry for {fingerprint} is unreadable or incomplete; it is ignored");
                return null;
            }

            var outcome = await OutputRestore.RunAsync(entry, root, DownloadBlobAsync, cancellationToken);
            if (outcome.Result is RestoreResult.Corrupt or RestoreResult.Failed)
            {
                Warn($"{outcome.Problem}; the target runs instead");
            }

            return outcome.Result == RestoreResult.Restored ? entry : null;
        }
        catch (Exception exception) when (IsServerProblem(exception, cancellationToken))
        {
            TurnOff(exception);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Warn($"could not write a download into {root}: {exception.Message}; the target runs instead");
            return null;
        }
    }

    public async Task StoreAsync(CacheEntry entry, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_readOnly || IsOff)
        {
            return;
        }

        if (!CacheEntryJson.IsSound(entry))
        {
            Warn($"the result of {entry.Target} names a path outside the checkout or a malformed digest; it is not stored");
            return;
        }

        try
        {
            foreach (var file in entry.Files.DistinctBy(f => f.Sha256))
            {
                var source = OutputPath.Under(root, file.Path);

                // What is uploaded under a digest must have it: a wrong blob would be a miss for every reader.
                if (Checksums.Sha256(source) != file.Sha256)
                {
                    Warn($"{file.Path} changed while the result of {entry.Target} was being stored; it is not stored");
                    return;
                }

                await UploadBlobAsync(source, file.Sha256, cancellationToken);
            }

            // The entry last: whoever sees it finds its blobs there.
            using var content = new ByteArrayContent(CacheEntryJson.Write(entry));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await SendAsync(HttpMethod.Put, $"ac/{CacheKey.For(entry.Fingerprint)}", content, cancellationToken);
            EnsureSuccess(response, "PUT ac/");
        }
        catch (Exception exception) when (IsServerProblem(exception, cancellationToken))
        {
            TurnOff(exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Warn($"could not read the outputs of {entry.Target}: {exception.Message}; they are not stored");
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task UploadBlobAsync(string source, string sha256, CancellationToken cancellationToken)
    {
        // Content is immutable by its digest: a blob the server has is not sent again.
        using (var head = await SendAsync(HttpMethod.Head, $"cas/{sha256}", null, cancellationToken))
        {
            if (head.IsSuccessStatusCode)
            {
                return;
            }
        }

        await using var stream = File.OpenRead(source);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await SendAsync(HttpMethod.Put, $"cas/{sha256}", content, cancellationToken);
        EnsureSuccess(response, "PUT cas/");
    }

    private async Task<bool> DownloadBlobAsync(CachedFile file, string destination, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"cas/{file.Sha256}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        EnsureSuccess(response, "GET cas/");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        await body.CopyToAsync(output, cancellationToken);
        return true;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_address.Base, path)) { Content = content };
        request.Headers.Authorization = _address.Authorization;
        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static void EnsureSuccess(HttpResponseMessage response, string request)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ServerRefusedException($"{request} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    /// <summary>
    /// The server is down, slow or refusing (as opposed to a problem with the local disk, or the run being
    /// cancelled, which is passed on).
    /// </summary>
    private static bool IsServerProblem(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or ServerRefusedException or HttpIOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException { InnerException: SocketException } => true,
        _ => false,
    };

    private void TurnOff(Exception exception)
    {
        if (Interlocked.Exchange(ref _off, 1) == 0)
        {
            var reason = exception is OperationCanceledException ? "it did not answer in time" : exception.Message;
            _warn($"warning: build cache {_address.Display} unreachable: {reason}; this run goes on without it");
        }
    }

    private void Warn(string problem) => _warn($"warning: build cache {_address.Display}: {problem}.");

    /// <summary>The server answered, but not with what the protocol expects (an error status).</summary>
    private sealed class ServerRefusedException(string message) : Exception(message);
}
