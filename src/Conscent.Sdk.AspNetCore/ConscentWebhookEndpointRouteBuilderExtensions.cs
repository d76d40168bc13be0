using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.AspNetCore;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// In Microsoft.AspNetCore.Builder so MapConscentWebhook shows up beside MapPost without another using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps ConsCent webhook endpoints.</summary>
public static class ConscentWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint for one ConsCent webhook. Register each webhook's URL on the ConsCent dashboard's Webhook
    /// page; the payload type says which webhook the URL receives, and the body must agree. Subscription Payment, Pass
    /// Payment and Micro Payment carry <c>type</c> (<c>SUBSCRIPTION</c>, <c>PASS</c>, <c>CONTENT</c>), which must be present
    /// and match <typeparamref name="TPayload"/>. The others carry no <c>type</c> and are told apart by their fields:
    /// Subscription Cancelled needs <c>cancelledSubscriptionDetails</c>; Subscription Bundle Payment needs
    /// <c>subscriptionsDetail</c> and has no <c>cancelledSubscriptionDetails</c>; Review Subscription needs
    /// <c>subscriptionDetails</c> and has neither of those two; Sign Up and Login have none of the three. A body with a
    /// <c>type</c> is refused at those five. Sign Up and Login have the same shape, so only the URL tells them apart.
    /// </summary>
    /// <remarks>
    /// Each delivery: <c>Authorization: Basic</c> checked against your API key and secret (401, empty body);
    /// body read up to <see cref="ConscentWebhookOptions.MaxBodyBytes"/> (413); parsed as <typeparamref name="TPayload"/>
    /// and checked to be that webhook (400, <c>text/plain</c> body naming the <see cref="WebhookPayloadError"/>, such as
    /// <c>WrongWebhookType</c>); signed identifiers checked (401, body naming the <see cref="WebhookVerificationFailure"/>);
    /// a delivery already handled answered 200 without calling you again, one
    /// being handled under another claim (or an unreachable guard) 503 with <c>Retry-After</c>;
    /// then <paramref name="handler"/> (200, or 500 when it throws, and the delivery can be retried).
    /// Requires <c>services.AddConscentWebhooks()</c> and your API key and secret (<c>AddConscent</c> or the webhook options).
    /// Add <c>.ForConscentAccount(name)</c> to check deliveries against a named account's (<c>AddConscent(name, …)</c>) instead.
    /// </remarks>
    /// <typeparam name="TPayload">One of <see cref="SignUpWebhook"/>, <see cref="LoginWebhook"/>, <see cref="SubscriptionPaymentWebhook"/>,
    /// <see cref="SubscriptionCancelledWebhook"/>, <see cref="PassPaymentWebhook"/>, <see cref="SubscriptionBundlePaymentWebhook"/>,
    /// <see cref="ReviewSubscriptionWebhook"/>, <see cref="MicroPaymentWebhook"/>.</typeparam>
    public static IEndpointConventionBuilder MapConscentWebhook<TPayload>(this IEndpointRouteBuilder endpoints, string pattern, Func<TPayload, CancellationToken, Task> handler)
        where TPayload : class, IConscentWebhookPayload
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        return MapConscentWebhook<TPayload>(endpoints, pattern, (payload, _, cancellationToken) => handler(payload, cancellationToken));
    }

    /// <summary>
    /// Maps a POST endpoint for one ConsCent webhook whose handler takes a service from dependency injection, resolved
    /// from the request's scope the way <c>MapPost</c> handlers get theirs:
    /// <c>app.MapConscentWebhook("/webhooks/pass", async (PassPaymentWebhook p, MyDb db, CancellationToken ct) =&gt; …)</c>.
    /// A service that is not registered fails at startup, here. See the first overload for the flow.
    /// </summary>
    /// <typeparam name="TPayload">The webhook payload type this URL receives.</typeparam>
    /// <typeparam name="TService">A service the handler needs.</typeparam>
    public static IEndpointConventionBuilder MapConscentWebhook<TPayload, TService>(this IEndpointRouteBuilder endpoints, string pattern, Func<TPayload, TService, CancellationToken, Task> handler)
        where TPayload : class, IConscentWebhookPayload
        where TService : notnull
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireServices(endpoints, typeof(TService));
        return MapConscentWebhook<TPayload>(endpoints, pattern, (payload, context, cancellationToken) =>
            handler(payload, context.RequestServices.GetRequiredService<TService>(), cancellationToken));
    }

    /// <summary>Maps a webhook whose handler takes two services from dependency injection. See the one-service overload.</summary>
    /// <typeparam name="TPayload">The webhook payload type this URL receives.</typeparam>
    /// <typeparam name="TService1">A service the handler needs.</typeparam>
    /// <typeparam name="TService2">Another service the handler needs.</typeparam>
    public static IEndpointConventionBuilder MapConscentWebhook<TPayload, TService1, TService2>(this IEndpointRouteBuilder endpoints, string pattern, Func<TPayload, TService1, TService2, CancellationToken, Task> handler)
        where TPayload : class, IConscentWebhookPayload
        where TService1 : notnull
        where TService2 : notnull
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireServices(endpoints, typeof(TService1), typeof(TService2));
        return MapConscentWebhook<TPayload>(endpoints, pattern, (payload, context, cancellationToken) =>
            handler(payload, context.RequestServices.GetRequiredService<TService1>(), context.RequestServices.GetRequiredService<TService2>(), cancellationToken));
    }

    /// <summary>Maps a webhook whose handler takes three services from dependency injection. See the one-service overload.</summary>
    /// <typeparam name="TPayload">The webhook payload type this URL receives.</typeparam>
    /// <typeparam name="TService1">A service the handler needs.</typeparam>
    /// <typeparam name="TService2">Another service the handler needs.</typeparam>
    /// <typeparam name="TService3">A third service the handler needs.</typeparam>
    public static IEndpointConventionBuilder MapConscentWebhook<TPayload, TService1, TService2, TService3>(this IEndpointRouteBuilder endpoints, string pattern, Func<TPayload, TService1, TService2, TService3, CancellationToken, Task> handler)
        where TPayload : class, IConscentWebhookPayload
        where TService1 : notnull
        where TService2 : notnull
        where TService3 : notnull
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireServices(endpoints, typeof(TService1), typeof(TService2), typeof(TService3));
        return MapConscentWebhook<TPayload>(endpoints, pattern, (payload, context, cancellationToken) =>
        {
            var services = context.RequestServices;
            return handler(payload, services.GetRequiredService<TService1>(), services.GetRequiredService<TService2>(), services.GetRequiredService<TService3>(), cancellationToken);
        });
    }

    /// <summary>Fails at startup, not on ConsCent's first delivery, when a handler asks for a service nobody registered.</summary>
    private static void RequireServices(IEndpointRouteBuilder endpoints, params Type[] types)
    {
        if (endpoints is null) throw new ArgumentNullException(nameof(endpoints));
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is not { } isService) return;
        foreach (var type in types)
        {
            if (type != typeof(HttpContext) && !isService.IsService(type))
                throw new InvalidOperationException($"The webhook handler asks for {type.Name}, which is not registered in the service collection.");
        }
    }

    /// <summary>
    /// Maps a POST endpoint for one ConsCent webhook, with a handler that also gets the request's <see cref="HttpContext"/>
    /// (for <see cref="HttpContext.RequestServices"/>, scoped services, headers). See the other overload for the flow.
    /// </summary>
    /// <typeparam name="TPayload">The webhook payload type this URL receives.</typeparam>
    public static IEndpointConventionBuilder MapConscentWebhook<TPayload>(this IEndpointRouteBuilder endpoints, string pattern, Func<TPayload, HttpContext, CancellationToken, Task> handler)
        where TPayload : class, IConscentWebhookPayload
    {
        if (endpoints is null) throw new ArgumentNullException(nameof(endpoints));
        if (pattern is null) throw new ArgumentNullException(nameof(pattern));
        if (handler is null) throw new ArgumentNullException(nameof(handler));

        RequireWebhookServices(endpoints);
        _ = ConscentWebhookParser.GetTypeInfo<TPayload>(); // Fails now, not on the first delivery, for a type the SDK cannot read.

        var endpoint = new ConscentWebhookEndpoint<TPayload>(CreateLogger(endpoints.ServiceProvider), handler);
        return MapEndpoint(endpoints, pattern, endpoint, "ConsCent webhook " + typeof(TPayload).Name);
    }

    /// <summary>
    /// Maps a POST endpoint for a ConsCent webhook the SDK has no type for (such as the loyalty webhooks ConsCent lists
    /// without a contract), handing the body over as JSON. Each delivery goes through the same steps as
    /// <c>MapConscentWebhook</c>: <c>Authorization: Basic</c> checked against your API key and secret (401, empty body);
    /// body read up to <see cref="ConscentWebhookOptions.MaxBodyBytes"/> (413); not a JSON object (400, <c>text/plain</c>
    /// body <c>InvalidJson</c> or <c>NotAnObject</c>); when
    /// <see cref="ConscentRawWebhookOptions.DeduplicationKey"/> gives an id, the duplicate guard (a delivery already handled
    /// answered 200 without calling you again); then <paramref name="handler"/> (200, or 500 when it throws).
    /// Add <c>.ForConscentAccount(name)</c> to check deliveries against a named account.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The URL registered on ConsCent's dashboard.</param>
    /// <param name="handler">Called once per delivery with the verified JSON body.</param>
    /// <param name="options">How deliveries are deduplicated; none when null.</param>
    public static IEndpointConventionBuilder MapConscentRawWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<ConscentRawWebhook, CancellationToken, Task> handler, ConscentRawWebhookOptions? options = null)
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        return MapConscentRawWebhook(endpoints, pattern, (webhook, _, cancellationToken) => handler(webhook, cancellationToken), options);
    }

    /// <summary>
    /// Maps a raw webhook whose handler also gets the request's <see cref="HttpContext"/>. See the first
    /// <c>MapConscentRawWebhook</c> overload for the flow.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The URL registered on ConsCent's dashboard.</param>
    /// <param name="handler">Called once per delivery with the verified JSON body.</param>
    /// <param name="options">How deliveries are deduplicated; none when null.</param>
    public static IEndpointConventionBuilder MapConscentRawWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<ConscentRawWebhook, HttpContext, CancellationToken, Task> handler, ConscentRawWebhookOptions? options = null)
    {
        if (endpoints is null) throw new ArgumentNullException(nameof(endpoints));
        if (pattern is null) throw new ArgumentNullException(nameof(pattern));
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireWebhookServices(endpoints);

        var endpoint = new ConscentRawWebhookEndpoint(pattern, options?.DeduplicationKey, CreateLogger(endpoints.ServiceProvider), handler);
        return MapEndpoint(endpoints, pattern, endpoint, "ConsCent raw webhook " + pattern);
    }

    /// <summary>
    /// Maps a raw webhook whose handler takes a service from dependency injection, resolved from the request's scope:
    /// <c>app.MapConscentRawWebhook("/webhooks/points", async (ConscentRawWebhook w, MyDb db, CancellationToken ct) =&gt; …)</c>.
    /// A service that is not registered fails at startup, here.
    /// </summary>
    /// <typeparam name="TService">A service the handler needs.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The URL registered on ConsCent's dashboard.</param>
    /// <param name="handler">Called once per delivery with the verified JSON body.</param>
    /// <param name="options">How deliveries are deduplicated; none when null.</param>
    public static IEndpointConventionBuilder MapConscentRawWebhook<TService>(this IEndpointRouteBuilder endpoints, string pattern, Func<ConscentRawWebhook, TService, CancellationToken, Task> handler, ConscentRawWebhookOptions? options = null)
        where TService : notnull
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireServices(endpoints, typeof(TService));
        return MapConscentRawWebhook(endpoints, pattern, (webhook, context, cancellationToken) =>
            handler(webhook, context.RequestServices.GetRequiredService<TService>(), cancellationToken), options);
    }

    /// <summary>Maps a raw webhook whose handler takes two services from dependency injection. See the one-service overload.</summary>
    /// <typeparam name="TService1">A service the handler needs.</typeparam>
    /// <typeparam name="TService2">Another service the handler needs.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The URL registered on ConsCent's dashboard.</param>
    /// <param name="handler">Called once per delivery with the verified JSON body.</param>
    /// <param name="options">How deliveries are deduplicated; none when null.</param>
    public static IEndpointConventionBuilder MapConscentRawWebhook<TService1, TService2>(this IEndpointRouteBuilder endpoints, string pattern, Func<ConscentRawWebhook, TService1, TService2, CancellationToken, Task> handler, ConscentRawWebhookOptions? options = null)
        where TService1 : notnull
        where TService2 : notnull
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireServices(endpoints, typeof(TService1), typeof(TService2));
        return MapConscentRawWebhook(endpoints, pattern, (webhook, context, cancellationToken) =>
            handler(webhook, context.RequestServices.GetRequiredService<TService1>(), context.RequestServices.GetRequiredService<TService2>(), cancellationToken), options);
    }

    /// <summary>Maps a raw webhook whose handler takes three services from dependency injection. See the one-service overload.</summary>
    /// <typeparam name="TService1">A service the handler needs.</typeparam>
    /// <typeparam name="TService2">Another service the handler needs.</typeparam>
    /// <typeparam name="TService3">A third service the handler needs.</typeparam>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The URL registered on ConsCent's dashboard.</param>
    /// <param name="handler">Called once per delivery with the verified JSON body.</param>
    /// <param name="options">How deliveries are deduplicated; none when null.</param>
    public static IEndpointConventionBuilder MapConscentRawWebhook<TService1, TService2, TService3>(this IEndpointRouteBuilder endpoints, string pattern, Func<ConscentRawWebhook, TService1, TService2, TService3, CancellationToken, Task> handler, ConscentRawWebhookOptions? options = null)
        where TService1 : notnull
        where TService2 : notnull
        where TService3 : notnull
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        RequireServices(endpoints, typeof(TService1), typeof(TService2), typeof(TService3));
        return MapConscentRawWebhook(endpoints, pattern, (webhook, context, cancellationToken) =>
        {
            var services = context.RequestServices;
            return handler(webhook, services.GetRequiredService<TService1>(), services.GetRequiredService<TService2>(), services.GetRequiredService<TService3>(), cancellationToken);
        }, options);
    }

    /// <summary>
    /// Checks this endpoint's deliveries against the named account registered with <c>services.AddConscent(accountName, …)</c>
    /// (its API key and secret) instead of the default account's, and keeps its duplicate-guard keys apart from other
    /// accounts'. A delivery signed for another account gets 401 here. Applies to the endpoints <c>MapConscentWebhook</c>
    /// and <c>MapConscentRawWebhook</c> return; an unknown account fails here, at startup.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder type.</typeparam>
    /// <param name="builder">What <c>MapConscentWebhook</c> or <c>MapConscentRawWebhook</c> returned.</param>
    /// <param name="accountName">The account's name, as given to <c>AddConscent</c>.</param>
    public static TBuilder ForConscentAccount<TBuilder>(this TBuilder builder, string accountName)
        where TBuilder : IEndpointConventionBuilder
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (accountName is null) throw new ArgumentNullException(nameof(accountName));
        if (string.IsNullOrWhiteSpace(accountName))
            throw new ArgumentException("A ConsCent account name must not be empty; leave ForConscentAccount out for the default account.", nameof(accountName));
        if (builder is not ConscentWebhookEndpointConventionBuilder webhook)
            throw new ArgumentException("ForConscentAccount applies to the endpoints MapConscentWebhook and MapConscentRawWebhook return.", nameof(builder));
        webhook.BindAccount(accountName);
        return builder;
    }

    private static void RequireWebhookServices(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<ConscentWebhookServicesMarker>() is null)
            throw new InvalidOperationException("Call services.AddConscentWebhooks() before MapConscentWebhook.");
    }

    private static ILogger CreateLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(ConscentWebhookLog.Category) ?? NullLogger.Instance;

    private static ConscentWebhookEndpointConventionBuilder MapEndpoint(IEndpointRouteBuilder endpoints, string pattern, ConscentWebhookEndpointBase endpoint, string displayName)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<ConscentWebhookOptions>>().Value;
        var deduplicator = services.GetRequiredService<IConscentWebhookDeduplicator>();

        // Resolved once, at startup: a missing API key or secret fails here rather than on ConsCent's first delivery.
        // With named accounts registered and no default one, the endpoint waits for ForConscentAccount instead.
        try
        {
            endpoint.Bind(new WebhookBinding(services.GetRequiredService<ConscentWebhookVerifier>(), options, deduplicator, null));
        }
        catch (InvalidOperationException ex) when (services.GetService<IConscentClientFactory>() is { AccountNames.Count: > 0 })
        {
            endpoint.LeaveUnbound(ex);
        }

        var inner = endpoints.MapPost(pattern, endpoint.HandleAsync).WithDisplayName(displayName);
        if (!endpoint.IsBound)
        {
            // Runs when the app builds its endpoints, after any ForConscentAccount on this one.
            inner.Add(_ =>
            {
                if (!endpoint.IsBound)
                    throw new InvalidOperationException($"The ConsCent webhook endpoint {pattern} has no account: add .ForConscentAccount(name), or register the default account's API key and secret. {endpoint.UnboundReason?.Message}");
            });
        }
        return new ConscentWebhookEndpointConventionBuilder(inner, endpoint, services, options, deduplicator);
    }
}

/// <summary>What the webhook mapping methods return: the route's builder, plus what <c>ForConscentAccount</c> needs.</summary>
internal sealed class ConscentWebhookEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder _inner;
    private readonly ConscentWebhookEndpointBase _endpoint;
    private readonly IServiceProvider _services;
    private readonly ConscentWebhookOptions _options;
    private readonly IConscentWebhookDeduplicator _deduplicator;

    public ConscentWebhookEndpointConventionBuilder(IEndpointConventionBuilder inner, ConscentWebhookEndpointBase endpoint, IServiceProvider services, ConscentWebhookOptions options, IConscentWebhookDeduplicator deduplicator)
    {
        _inner = inner;
        _endpoint = endpoint;
        _services = services;
        _options = options;
        _deduplicator = deduplicator;
    }

    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);

    public void BindAccount(string accountName)
    {
        var names = _services.GetService<IConscentClientFactory>()?.AccountNames ?? Array.Empty<string>();
        if (!names.Contains(accountName, StringComparer.Ordinal))
        {
            var registered = names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "\"" + n + "\""));
            throw new InvalidOperationException($"No ConsCent account named \"{accountName}\" is registered: call services.AddConscent(\"{accountName}\", …) before mapping its webhooks. Named accounts: {registered}.");
        }

        // Validated by the options system: a bad account fails here with a message naming it (never a value).
        var account = _services.GetRequiredService<IOptionsMonitor<ConscentOptions>>().Get(accountName);
        if (string.IsNullOrEmpty(account.ApiKey) || string.IsNullOrEmpty(account.ApiSecret))
            throw new InvalidOperationException($"ConsCent account \"{accountName}\" has no API key and secret to verify webhooks with.");
        _endpoint.Bind(new WebhookBinding(new ConscentWebhookVerifier(account.ApiKey!, account.ApiSecret!), _options, _deduplicator, accountName));
    }
}
