using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Contract;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace Conscent.Sdk.Tests.Reliability;

public enum CallKind
{
    Get,
    Patch,
    PostCreate,
    PostValidate,
}

public enum Fault
{
    ConnectionRefused,
    ResetMidResponse,
    EmptyResponse,
    MalformedChunk,
    Status500,
    Status502,
    Status503,
    Status503RetryAfter,
    Status504,
    Status429RetryAfterSeconds,
    Status429RetryAfterDate,
    SlowPastAttemptTimeout,
    SlowPastTotalTimeout,
}

/// <summary>
/// Every kind of call against every fault: the outcome (success after retry, or the typed exception) and the exact
/// number of requests that left the SDK. docs/reliability.md renders this same table.
/// </summary>
public sealed class FaultMatrixTests : IDisposable
{
    private readonly MockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    /// <summary>The expected outcome: null means success; otherwise the exception type. Then the requests sent.</summary>
    public static (Type? Outcome, int Requests) Expected(CallKind kind, Fault fault)
    {
        var repeatable = kind is CallKind.Get or CallKind.Patch;
        return fault switch
        {
            Fault.ConnectionRefused => (typeof(ConscentNetworkException), 4), // Never reached a server: safe for POST too.
            Fault.ResetMidResponse => (typeof(ConscentNetworkException), repeatable ? 4 : 1),
            Fault.EmptyResponse or Fault.MalformedChunk => (typeof(ConscentSerializationException), 1), // A 200 is final.
            Fault.Status500 or Fault.Status502 or Fault.Status504 => repeatable ? (null, 2) : (typeof(ConscentServerException), 1),
            Fault.Status503 or Fault.Status503RetryAfter => (null, 2), // Refused before processing: POST retries too.
            Fault.Status429RetryAfterSeconds or Fault.Status429RetryAfterDate => (null, 2),
            Fault.SlowPastAttemptTimeout => repeatable ? (null, 2) : (typeof(ConscentTimeoutException), 1),
            Fault.SlowPastTotalTimeout => (typeof(ConscentTimeoutException), 1),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    public static TheoryData<CallKind, Fault> Matrix()
    {
        var data = new TheoryData<CallKind, Fault>();
        foreach (var kind in Enum.GetValues<CallKind>())
            foreach (var fault in Enum.GetValues<Fault>())
                data.Add(kind, fault);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Call_against_fault_has_the_documented_outcome(CallKind kind, Fault fault)
    {
        var (expectedOutcome, expectedRequests) = Expected(kind, fault);
        using var counter = new CountingHandler();
        RawTcpServer? raw = null;
        var options = _mock.Options(o =>
        {
            // 1 s against a 3 s stall: the retry on a fresh connection has room even on a loaded CI machine.
            o.AttemptTimeout = TimeSpan.FromMilliseconds(fault == Fault.SlowPastAttemptTimeout ? 1000 : 5000);
            o.TotalTimeout = fault == Fault.SlowPastTotalTimeout ? TimeSpan.FromMilliseconds(400) : TimeSpan.FromSeconds(20);
            // A Retry-After longer than MaxDelay is surfaced, not waited out (see RetryAndErrorTests); here the
            // server's 1–2 s is within MaxDelay, so the retry is sent, and not before the time given.
            if (fault is Fault.Status503RetryAfter or Fault.Status429RetryAfterSeconds or Fault.Status429RetryAfterDate)
                o.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        });
        switch (fault)
        {
            case Fault.ConnectionRefused:
                options.BaseAddress = new Uri($"http://127.0.0.1:{MockServer.FreePort()}");
                break;
            case Fault.SlowPastAttemptTimeout:
                raw = new RawTcpServer(RawTcpServer.Ok(SuccessBody(kind)), firstConnectionDelay: TimeSpan.FromSeconds(3));
                options.BaseAddress = raw.BaseAddress;
                break;
            case Fault.ResetMidResponse:
                raw = new RawTcpServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{\"message\":");
                options.BaseAddress = raw.BaseAddress;
                break;
            default:
                ArrangeServer(kind, fault);
                break;
        }

        using var client = new ConscentClient(options, counter);
        Exception? error = null;
        try
        {
            await Invoke(client, kind);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            raw?.Dispose();
        }

        if (expectedOutcome is null) error.Should().BeNull();
        else error.Should().BeOfType(expectedOutcome, error?.ToString());
        counter.Calls.Should().Be(expectedRequests);
    }

    private void ArrangeServer(CallKind kind, Fault fault)
    {
        var method = kind switch { CallKind.Get => "GET", CallKind.Patch => "PATCH", _ => "POST" };
        var success = Response.Create().WithHeader("Content-Type", "application/json").WithBody(SuccessBody(kind));
        var failure = fault switch
        {
            Fault.EmptyResponse => Response.Create().WithFault(FaultType.EMPTY_RESPONSE),
            Fault.MalformedChunk => Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK),
            Fault.Status500 => Response.Create().WithStatusCode(500),
            Fault.Status502 => Response.Create().WithStatusCode(502),
            Fault.Status503 => Response.Create().WithStatusCode(503),
            Fault.Status503RetryAfter => Response.Create().WithStatusCode(503).WithHeader("Retry-After", "1"),
            Fault.Status504 => Response.Create().WithStatusCode(504),
            Fault.Status429RetryAfterSeconds => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"),
            Fault.Status429RetryAfterDate => Response.Create().WithStatusCode(429)
                .WithHeader("Retry-After", DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture)),
            Fault.SlowPastTotalTimeout => success.WithDelay(TimeSpan.FromSeconds(2)),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
        _mock.Server.Given(Request.Create().UsingMethod(method)).InScenario("m").WillSetStateTo("recovered").RespondWith(failure);
        _mock.Server.Given(Request.Create().UsingMethod(method)).InScenario("m").WhenStateIs("recovered")
            .RespondWith(fault == Fault.SlowPastTotalTimeout ? success.WithDelay(TimeSpan.FromSeconds(2)) : success);
    }

    private static string SuccessBody(CallKind kind) => Samples.Text(kind switch
    {
        CallKind.Get => "content-get.response.json",
        CallKind.Patch => "content-edit.response.json",
        CallKind.PostValidate => "consumption-validate.response.json",
        _ => "content-create.response.json",
    });

    internal static Task Invoke(IConscentClient client, CallKind kind) => kind switch
    {
        CallKind.Get => client.Content.GetAsync("Client Content Id 6"),
        CallKind.Patch => client.Content.EditAsync("Client Content Id 6", new EditContentRequest { Title = "t" }),
        CallKind.PostValidate => client.Consumption.ValidateAsync("11c369df-2a30-4a0d-90dc-5a45797dacdd"),
        _ => client.Content.CreateAsync(ContentContractTests.SampleCreateRequest("matrix_1")),
    };

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _calls;

        public CountingHandler() : base(new SocketsHttpHandler { UseProxy = false }) { }

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
