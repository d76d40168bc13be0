using System;
using System.Threading;
using System.Threading.Tasks;
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
    /// page; the payload type says which webhook the URL receives (ConsCent's payloads carry no event type).
    /// </summary>
    /// <remarks>
    /// Each delivery: <c>Authorization: Basic</c> checked against your API key and secret (401, empty body);
    /// body read up to <see cref="ConscentWebhookOptions.MaxBodyBytes"/> (413); parsed as <typeparamref name="TPayload"/>
    /// (400); signed identifiers checked (401); a delivery already handled answered 200 without calling you again, one
    /// being handled under another claim (or an unreachable guard) 503 with <c>Retry-After</c>;
    /// then <paramref name="handler"/> (200, or 500 when it throws, and the delivery can be retried).
    /// Requires <c>services.AddConscentWebhooks()</c> and your API key and secret (<c>AddConscent</c> or the webhook options).
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

        var services = endpoints.ServiceProvider;
        if (services.GetService<ConscentWebhookServicesMarker>() is null)
            throw new InvalidOperationException("Call services.AddConscentWebhooks() before MapConscentWebhook.");

        _ = ConscentWebhookParser.GetTypeInfo<TPayload>(); // Fails now, not on the first delivery, for a type the SDK cannot read.

        // Resolved once, at startup: a missing API key or secret fails here rather than on ConsCent's first delivery.
        var endpoint = new ConscentWebhookEndpoint<TPayload>(
            services.GetRequiredService<ConscentWebhookVerifier>(),
            services.GetRequiredService<IOptions<ConscentWebhookOptions>>().Value,
            services.GetRequiredService<IConscentWebhookDeduplicator>(),
            services.GetService<ILoggerFactory>()?.CreateLogger(ConscentWebhookLog.Category) ?? NullLogger.Instance,
            handler);

        return endpoints.MapPost(pattern, endpoint.HandleAsync)
            .WithDisplayName("ConsCent webhook " + typeof(TPayload).Name);
    }
}
