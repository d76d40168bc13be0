using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Http;

/// <summary>
/// One attempt's answer, read completely inside the attempt (so a connection reset mid-body counts as that attempt's
/// failure and can be retried when safe). The body lives in a pooled buffer, returned on dispose; Polly disposes
/// the answers of attempts it discards.
/// </summary>
internal sealed class ConscentResponse : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private ConscentResponse(HttpStatusCode statusCode, TimeSpan? retryAfter, string? mediaType, byte[]? buffer, int length)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        MediaType = mediaType;
        _buffer = buffer;
        _length = length;
    }

    public HttpStatusCode StatusCode { get; }

    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The server's <c>Retry-After</c>, as a delay from now, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    public string? MediaType { get; }

    public ReadOnlySpan<byte> Body => _buffer is null ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(_buffer, 0, _length);

    public int BodyLength => _length;

    /// <summary>The answer's headers (response and content), only when the request asked for them (raw requests).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Headers { get; private set; }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>An answer made from bytes already in hand (the simulator's handler, tests).</summary>
    internal static ConscentResponse FromBody(HttpStatusCode statusCode, ReadOnlySpan<byte> body, string? mediaType = "application/json")
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, body.Length));
        body.CopyTo(buffer);
        return new ConscentResponse(statusCode, null, mediaType, buffer, body.Length);
    }

    /// <summary>Reads status, headers and the whole body (at most <paramref name="maxBytes"/>), then disposes the message.</summary>
    // A ValueTask: the body is usually already buffered when the headers arrive, so this completes synchronously
    // and allocates no Task.
    public static async ValueTask<ConscentResponse> ReadAsync(HttpResponseMessage message, long maxBytes, CancellationToken cancellationToken, TimeProvider? time = null, bool captureHeaders = false)
    {
        using (message)
        {
            var retryAfter = ParseRetryAfter(message, time ?? TimeProvider.System);
            var content = message.Content;
            var mediaType = MediaTypeOf(content);
            var headers = captureHeaders ? CopyHeaders(message) : null;
            if (content is null) return new ConscentResponse(message.StatusCode, retryAfter, mediaType, null, 0) { Headers = headers };

            var declared = content.Headers.ContentLength;
            if (declared > maxBytes) throw new ResponseTooLargeException(message.StatusCode, maxBytes);

            // One byte more than declared, so a body of exactly the declared length ends on a read of 0 bytes
            // instead of growing (and copying) the buffer first.
            var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < 1024 * 1024 ? (int)declared.Value + 1 : 4096);
            var length = 0;
            try
            {
#if NETSTANDARD2_0
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#else
                using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#endif
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= maxBytes) 
                        {
                            // One more byte tells a body of exactly maxBytes from a larger one.
                            var probe = new byte[1];
#if NETSTANDARD2_0
                            var extra = await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false);
#else
                            var extra = await stream.ReadAsync(probe.AsMemory(), cancellationToken).ConfigureAwait(false);
#endif
                            if (extra > 0) throw new ResponseTooLargeException(message.StatusCode, maxBytes);
                            break;
                        }
                        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Math.Max(maxBytes, 1)));
                        Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var toRead = (int)Math.Min(buffer.Length - length, maxBytes - length);
                    if (toRead <= 0) toRead = buffer.Length - length;
#if NETSTANDARD2_0
                    var read = await stream.ReadAsync(buffer, length, toRead, cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(buffer.AsMemory(length, toRead), cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0) break;
                    length += read;
                    if (length > maxBytes) throw new ResponseTooLargeException(message.StatusCode, maxBytes);
                }
                var response = new ConscentResponse(message.StatusCode, retryAfter, mediaType, buffer, length) { Headers = headers };
                buffer = null;
                return response;
            }
            finally
            {
                if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Every response and content header, by name (case-insensitive), each with its values in order.</summary>
    private static Dictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage message)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, message.Headers);
        if (message.Content is { } content) Add(headers, content.Headers);
        return headers;

        static void Add(Dictionary<string, IReadOnlyList<string>> into, HttpHeaders from)
        {
#if NET8_0_OR_GREATER
            // As sent: no parsing, and a value the parser would reject is still handed over.
            foreach (var header in from.NonValidated)
                into[header.Key] = Merge(into, header.Key, new List<string>(header.Value));
#else
            foreach (var header in from)
                into[header.Key] = Merge(into, header.Key, new List<string>(header.Value));
#endif
        }

        static IReadOnlyList<string> Merge(Dictionary<string, IReadOnlyList<string>> into, string name, List<string> values)
        {
            if (into.TryGetValue(name, out var existing)) values.InsertRange(0, existing);
            return values.AsReadOnly();
        }
    }

    /// <summary>
    /// The media type (<c>application/json</c>) without parameters. Read from the header's text where the runtime allows,
    /// so a success does not pay for parsing a <c>MediaTypeHeaderValue</c> it never uses (only error mapping reads it).
    /// </summary>
    private static string? MediaTypeOf(HttpContent? content)
    {
        if (content is null) return null;
#if NET8_0_OR_GREATER
        if (!content.Headers.NonValidated.TryGetValues("Content-Type", out var values)) return null;
        foreach (var value in values)
        {
            var end = value.IndexOf(';');
            var media = (end < 0 ? value : value.Substring(0, end)).Trim();
            return media.Length == 0 ? null : media;
        }
        return null;
#else
        return content.Headers.ContentType?.MediaType;
#endif
    }

    private static TimeSpan? ParseRetryAfter(HttpResponseMessage message, TimeProvider time)
    {
        var header = message.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - time.GetUtcNow(); // the client's one clock, so tests can fake it
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}

/// <summary>The body is larger than <see cref="ConscentOptions.MaxResponseBodyBytes"/>.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(HttpStatusCode statusCode, long maxBytes)
        : base($"The response body is larger than the configured maximum of {maxBytes} bytes.")
    {
        StatusCode = statusCode;
        MaxBytes = maxBytes;
    }

    public HttpStatusCode StatusCode { get; }

    public long MaxBytes { get; }
}
