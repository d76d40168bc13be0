using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;
using Conscent.Sdk;
using Conscent.Sdk.Testing;

namespace Conscent.Cli.Tests;

public sealed partial class SimulatorCommandTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    /// <summary>Starts <c>conscent simulator</c> in process; returns its address once it prints that it is ready.</summary>
    private static async Task<(Task<CliResult> Run, Uri Address, CapturingWriter Output)> StartAsync(CancellationToken stop, params string[] extra)
    {
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new CapturingWriter
        {
            OnWrite = text =>
            {
                if (text.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal)) ready.TrySetResult(text);
            },
        };
        var run = new CliRunner { Time = TimeProvider.System }.RunAsync(["simulator", "--port", "0", .. extra], stop, output: output);
        var finished = await Task.WhenAny(ready.Task, run).WaitAsync(StartBound);
        if (finished == run) throw new InvalidOperationException("The simulator ended before it was ready: " + (await run));
        var address = new Uri(ListeningOn().Match(await ready.Task).Groups[1].Value);
        return (run, address, output);
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();

    [Fact]
    public async Task Serves_the_simulator_over_Kestrel_to_the_sdk_logs_each_request_and_stops_on_ctrl_c()
    {
        using var stop = new CancellationTokenSource();
        var (run, address, output) = await StartAsync(stop.Token);
        output.Text.Should().Contain($"CONSCENT_API_KEY={ConscentSimulatorOptions.DefaultApiKey}").And.Contain($"CONSCENT_ENVIRONMENT={address}")
            .And.Contain("Seed: demo data from ");

        using (var client = new ConscentClient(new ConscentOptions
        {
            ApiKey = ConscentSimulatorOptions.DefaultApiKey,
            ApiSecret = ConscentSimulatorOptions.DefaultApiSecret,
            ClientId = ConscentSimulatorOptions.DefaultClientId,
            BaseAddress = address,
        }))
        {
            (await client.Content.GetAsync("demo-ai-jobs")).Title.Should().Be("Which jobs AI changes first");
            var created = await client.Content.CreateAsync(new CreateContentRequest { ContentId = "from-the-test", Title = "Over Kestrel", Url = "https://news.example/k", Price = 2 });
            created.Content!.ContentId.Should().Be("from-the-test");
            (await client.Content.GetAsync("from-the-test")).Title.Should().Be("Over Kestrel");
            var purchases = await client.Purchases.ListPassesAsync(new PurchaseQuery { Email = "reader01@example.com", PageSize = 50 }).GetPageAsync();
            purchases.Items.Should().NotBeNull();
            await FluentActions.Awaiting(() => client.Content.GetAsync("no-such-id")).Should().ThrowAsync<ConscentNotFoundException>();
        }

        using (var http = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "api/v1/content/client/demo-ai-jobs")))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "bm90OnJpZ2h0");
            using var response = await http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Unauthorized");
        }

        var log = output.Text;
        log.Should().MatchRegex(@"\d\d:\d\d:\d\d GET /api/v1/content/client/demo-ai-jobs -> 200 \(\d+ ms\)");
        log.Should().Contain("POST /api/v1/content -> 200").And.Contain("GET /api/v1/content/client/no-such-id -> 404")
            .And.Contain("GET /api/v1/content/client/demo-ai-jobs -> 401").And.Contain("GET /client/purchases/passes -> 200");
        log.Should().NotContain("reader01@example.com", "query strings are not logged").And.NotContain("bm90OnJpZ2h0");

        stop.Cancel();
        var result = await run.WaitAsync(StartBound);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Stopping…").And.MatchRegex(@"Stopped after \d+ requests\.");
        using var probe = new TcpClient();
        await FluentActions.Awaiting(() => probe.ConnectAsync(address.Host, address.Port)).Should().ThrowAsync<SocketException>("the port is released");
    }

    [Fact]
    public async Task One_request_is_counted_in_the_singular_when_the_simulator_stops()
    {
        using var stop = new CancellationTokenSource();
        var (run, address, _) = await StartAsync(stop.Token);
        using (var http = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "api/v1/content/client/demo-ai-jobs")))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
                System.Text.Encoding.UTF8.GetBytes(ConscentSimulatorOptions.DefaultApiKey + ":" + ConscentSimulatorOptions.DefaultApiSecret)));
            using var response = await http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        stop.Cancel();
        var result = await run.WaitAsync(StartBound);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().EndWith("Stopped after 1 request.\n");
    }

    [Fact]
    public async Task An_empty_seed_has_no_content()
    {
        using var stop = new CancellationTokenSource();
        var (run, address, output) = await StartAsync(stop.Token, "--seed", "empty");
        try
        {
            output.Text.Should().Contain("Seed: empty.");
            using var client = new ConscentClient(new ConscentOptions
            {
                ApiKey = ConscentSimulatorOptions.DefaultApiKey,
                ApiSecret = ConscentSimulatorOptions.DefaultApiSecret,
                RequireClientId = false,
                BaseAddress = address,
            });
            var page = await client.Content.ListAsync().GetPageAsync();
            page.Items.Should().BeNullOrEmpty();
        }
        finally
        {
            stop.Cancel();
            (await run.WaitAsync(StartBound)).ExitCode.Should().Be(0);
        }
    }

    [Fact]
    public async Task The_tool_itself_can_use_the_server_as_its_environment()
    {
        using var stop = new CancellationTokenSource();
        var (run, address, _) = await StartAsync(stop.Token);
        try
        {
            var runner = new CliRunner();
            runner.Environment["CONSCENT_API_KEY"] = ConscentSimulatorOptions.DefaultApiKey;
            runner.Environment["CONSCENT_API_SECRET"] = ConscentSimulatorOptions.DefaultApiSecret;
            runner.Environment["CONSCENT_ENVIRONMENT"] = address.ToString();

            var export = await runner.RunAsync("purchases", "export", "--from", "2000-01-01", "--to", "2100-12-31");

            export.ExitCode.Should().Be(0, export.ToString());
            CsvText.Parse(export.Out).Rows.Should().NotBeEmpty();
        }
        finally
        {
            stop.Cancel();
            (await run.WaitAsync(StartBound)).ExitCode.Should().Be(0);
        }
    }

    [Fact]
    public async Task A_port_in_use_is_a_usage_error_exit_1()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var result = await new CliRunner().RunAsync("simulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
            result.Error.Should().Contain($"cannot listen on 127.0.0.1:{port}").And.Contain("--port");
            result.All.Should().NotContain("   at ");
        }
        finally
        {
            taken.Stop();
        }
    }
}
