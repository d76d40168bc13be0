using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Cli.Sdk;

namespace Conscent.Cli.Commands;

/// <summary><c>conscent webhooks trigger</c>: posts a signed (or forged) webhook delivery to a receiver.</summary>
internal static class WebhooksCommand
{
    public static Command Create(CliApp app)
    {
        var trigger = CreateTrigger(app);
        return new Command("webhooks", "Send ConsCent webhooks to your backend.") { trigger };
    }

    private static Command CreateTrigger(CliApp app)
    {
        var eventName = new Argument<string>("event") { Description = "The webhook to send." };
        eventName.AcceptOnlyFromAmong([.. ConscentTestKit.EventNames.Keys]);
        var to = new Option<string>("--to")
        {
            Description = "The receiver's URL, such as http://127.0.0.1:5080/webhooks/conscent/sign-up.",
            HelpName = "URL",
            Required = true,
        };
        var payload = new Option<FileInfo?>("--payload")
        {
            Description = "A JSON file whose fields override the default payload (objects merge; null removes a field).",
            HelpName = "FILE",
        };
        var forge = new Option<string?>("--forge")
        {
            Description = "Send a forgery the receiver must reject (4xx): wrong-secret (any event), alg-none or tampered (sign-up, login, review-subscription).",
        };
        forge.AcceptOnlyFromAmong("wrong-secret", "alg-none", "tampered");
        var repeat = new Option<int>("--repeat")
        {
            Description = "Send the same delivery N times (1-100), to check the receiver deduplicates.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        repeat.AcceptOnlyBetween(1, 100, "--repeat must be 1 to 100.");
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for each answer (1-300).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 30,
        };
        timeout.AcceptOnlyBetween(1, 300, "--timeout must be 1 to 300 seconds.");

        var command = new Command("trigger",
            "Post one ConsCent webhook, signed as ConsCent signs it (Basic auth with your API key and secret; HS256-signed " +
            "email/phone), and print the receiver's status and the time taken. Exit 0 when the answer is the expected one " +
            "(2xx; for --forge, 4xx), 3 otherwise, 4 when there is no answer.")
        {
            eventName, to, payload, forge, repeat, timeout,
        };
        app.SetAction(command, run => RunAsync(
            run, ConscentTestKit.EventNames[run.Value(eventName)!], run.Value(to)!, run.Value(payload), run.Value(forge), run.Value(repeat), run.Value(timeout)));
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, WebhookEvent webhook, string to, FileInfo? payloadFile, string? forgeName, int repeat, int timeoutSeconds)
    {
        var host = run.Host;
        if (!Uri.TryCreate(to, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw CliException.Usage("--to needs an absolute http(s) URL.");
        Forgery? forgery = forgeName switch
        {
            "wrong-secret" => Forgery.WrongSecret,
            "alg-none" => Forgery.AlgNone,
            "tampered" => Forgery.Tampered,
            _ => null,
        };

        // The receiver checks the API key and secret it was configured with: sign with the same ones.
        string apiKey, apiSecret;
        if (run.UseSimulator)
        {
            (apiKey, apiSecret, _) = ConscentTestKit.SimulatorCredentials();
        }
        else
        {
            var settings = run.ResolveConnection();
            (apiKey, apiSecret) = (settings.ApiKey, settings.ApiSecret);
        }

        var payload = ConscentTestKit.DefaultPayload(webhook, host.Time.GetUtcNow());
        if (payloadFile is not null) Merge(payload, ReadPayloadFile(payloadFile));
        var json = payload.ToJsonString();
        var deliveryId = ConscentTestKit.DeliveryIdOf(webhook, json);
        var delivery = forgery is { } f ? ConscentTestKit.Forge(webhook, json, apiKey, apiSecret, f) : ConscentTestKit.Sign(webhook, json, apiKey, apiSecret);

        var name = ConscentTestKit.EventNames.First(e => e.Value == webhook).Key;
        var shown = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        host.Out.WriteLine($"{name}{(forgeName is null ? "" : $" (forged: {forgeName})")} -> {shown}: " +
            (deliveryId is null ? "this webhook carries no delivery id" : $"delivery {deliveryId}") + (repeat > 1 ? $", sent {repeat} times" : ""));

        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
        var unexpected = 0;
        for (var attempt = 1; attempt <= repeat; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(delivery.Authorization);
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, run.Cancellation).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new CliException(ExitCodes.Network, $"no answer from {shown}: {ex.Message}");
            }
            catch (TaskCanceledException) when (!run.Cancellation.IsCancellationRequested)
            {
                throw new CliException(ExitCodes.Network, $"no answer from {shown} within {timeoutSeconds} s.");
            }

            using (response)
            {
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var status = (int)response.StatusCode;
                var verdict = Verdict(status, forgery is not null);
                if (verdict.Unexpected) unexpected++;
                host.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  #{attempt}: {status} {response.ReasonPhrase ?? ((HttpStatusCode)status).ToString()} in {ms:0} ms: {verdict.Text}"));
                host.Out.Flush();
            }
        }

        if (unexpected == 0)
        {
            if (repeat > 1 && forgery is null)
                host.Out.WriteLine(deliveryId is null
                    ? $"All {repeat} answered 2xx. This webhook has no delivery id, so a receiver cannot tell repeats apart."
                    : $"All {repeat} answered 2xx. A receiver that deduplicates runs its handler once for delivery {deliveryId}: check its log or state.");
            return ExitCodes.Ok;
        }
        run.Fail(forgery is null
            ? $"{unexpected} of {repeat} deliveries were not accepted (2xx expected)."
            : $"{unexpected} of {repeat} forged deliveries were not rejected with a 4xx.");
        return ExitCodes.Api;
    }

    private static (bool Unexpected, string Text) Verdict(int status, bool forged) => (status, forged) switch
    {
        ( >= 200 and < 300, false) => (false, "accepted"),
        (_, false) => (true, "NOT accepted"),
        ( >= 400 and < 500, true) => (false, "rejected, as it should be"),
        ( >= 200 and < 300, true) => (true, "ACCEPTED a forged delivery"),
        _ => (true, "neither accepted nor rejected with a 4xx"),
    };

    private static JsonObject ReadPayloadFile(FileInfo file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"cannot read --payload {file.FullName}: {ex.Message}");
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw CliException.Invalid($"--payload {file.Name} must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            // Position only: the file can hold an email or phone number.
            throw CliException.Invalid($"--payload {file.Name} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
    }

    /// <summary>Copies <paramref name="overrides"/> onto <paramref name="target"/>: objects merge, null removes, anything else replaces.</summary>
    internal static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject inner && target[key] is JsonObject existing)
                Merge(existing, inner);
            else
                target[key] = value.DeepClone();
        }
    }
}
