using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Answers <c>GET /api/v1/content/client?pageNumber=N&amp;pageSize=P</c> with page N of a list of
/// <see cref="Pages"/> pages: P items (the docs' sample items, repeated) and
/// <c>pagination {pageNumber: N, pageSize: P, totalRecords: Pages*P, totalPages: Pages}</c>. The items part is built
/// once; each page only writes its small pagination tail, and the body is streamed from those two buffers, so the
/// handler neither allocates a page-sized buffer nor holds more than one page.
/// </summary>
public sealed class PagingHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] EmptyHead = Encoding.UTF8.GetBytes("{\"content\":[");
    private readonly byte[] _items;
    private readonly int _pageSize;
    private int _pagesServed;

    public PagingHandler(byte[] listSample, int pages, int pageSize)
    {
        Pages = pages;
        _pageSize = pageSize;
        using var sample = JsonDocument.Parse(listSample);
        var items = sample.RootElement.GetProperty("content");
        var count = items.GetArrayLength();
        var builder = new StringBuilder("{\"content\":[");
        for (var i = 0; i < pageSize; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(items[i % count].GetRawText());
        }
        _items = Encoding.UTF8.GetBytes(builder.ToString());
    }

    public int Pages { get; }

    public int PagesServed => Volatile.Read(ref _pagesServed);

    public void Reset() => Volatile.Write(ref _pagesServed, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.OriginalString.AsSpan();
        var page = IntParameter(url, "pageNumber=") ?? 1;
        var size = IntParameter(url, "pageSize=");
        if (request.Method != HttpMethod.Get || size != _pageSize || url.IndexOf("/api/v1/content/client?".AsSpan(), StringComparison.Ordinal) < 0)
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request });
        Interlocked.Increment(ref _pagesServed);

        // Past the last page: an empty list (the clients should never ask for it).
        var head = page > Pages ? EmptyHead : _items;
        var tail = Encoding.UTF8.GetBytes(Tail(page));
        var content = new TwoPartContent(head, tail);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private string Tail(int page) => string.Create(CultureInfo.InvariantCulture,
        $"],\"pagination\":{{\"pageNumber\":{page},\"pageSize\":{_pageSize},\"totalRecords\":{Pages * _pageSize},\"totalPages\":{Pages}}}}}");

    private static int? IntParameter(ReadOnlySpan<char> url, string name)
    {
        var at = url.IndexOf(name.AsSpan(), StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = url.Slice(at + name.Length);
        var end = rest.IndexOf('&');
        if (end >= 0) rest = rest.Slice(0, end);
        return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A body made of two buffers, read as one stream without copying them together.</summary>
    private sealed class TwoPartContent : HttpContent
    {
        private readonly byte[] _head;
        private readonly byte[] _tail;

        public TwoPartContent(byte[] head, byte[] tail)
        {
            _head = head;
            _tail = tail;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head).ConfigureAwait(false);
            await stream.WriteAsync(_tail).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _head.Length + _tail.Length;
            return true;
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new TwoPartStream(_head, _tail));
    }

    private sealed class TwoPartStream : Stream
    {
        private readonly byte[] _head;
        private readonly byte[] _tail;
        private int _position;

        public TwoPartStream(byte[] head, byte[] tail)
        {
            _head = head;
            _tail = tail;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _head.Length + _tail.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                ReadOnlySpan<byte> source;
                if (_position < _head.Length) source = _head.AsSpan(_position);
                else if (_position < _head.Length + _tail.Length) source = _tail.AsSpan(_position - _head.Length);
                else break;
                var n = Math.Min(source.Length, buffer.Length - written);
                source.Slice(0, n).CopyTo(buffer.Slice(written));
                written += n;
                _position += n;
            }
            return written;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
